"""Training figures: running sums to perplexity/accuracy, and the JSON-lines metrics log."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class HeldOut:
    """Held-out figures over every real step of the eval set (Magenta's streaming mean of the cross-entropy)."""

    loss: float
    accuracy: float
    steps: int
    sequences: int

    @property
    def perplexity(self) -> float:
        return math.exp(self.loss) if self.loss < 700 else float("inf")


@dataclass
class StepMetrics:
    step: int
    loss: float
    perplexity: float
    accuracy: float
    steps_per_sec: float
    elapsed_s: float
    eval_loss: float | None = None
    eval_perplexity: float | None = None
    eval_accuracy: float | None = None

    def line(self) -> str:
        text = f"step {self.step}"
        if not math.isnan(self.loss):
            text += (f": loss {self.loss:.4f}, perplexity {self.perplexity:.3f}, "
                     f"accuracy {self.accuracy:.3f}, {self.steps_per_sec:.2f} steps/s")
        if self.eval_loss is not None:
            text += (f" | eval loss {self.eval_loss:.4f}, perplexity {self.eval_perplexity:.3f}, "
                     f"accuracy {self.eval_accuracy:.3f}")
        return text


class MetricsLog:
    """Appends one JSON object per report; a resumed run continues the same file."""

    def __init__(self, path: Path | None):
        self.path = Path(path) if path else None

    def write(self, metrics: StepMetrics) -> None:
        if self.path is None:
            return
        # Step 0 has held-out figures only; NaN is not JSON, so absent figures are left out.
        record = {k: v for k, v in asdict(metrics).items()
                  if v is not None and not (isinstance(v, float) and math.isnan(v))}
        with open(self.path, "a") as fh:
            fh.write(json.dumps(record) + "\n")


def read_metrics(path) -> list[dict]:
    with open(path) as fh:
        return [json.loads(line) for line in fh if line.strip()]
