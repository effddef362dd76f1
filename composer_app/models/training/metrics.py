"""Training figures: running sums to perplexity/accuracy, and the JSON-lines metrics log."""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from composer_app.models.training.errors import TrainingError
from composer_app.said import said


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
        line = json.dumps(record) + "\n"
        try:
            with open(self.path, "a+b") as fh:
                end = fh.seek(0, os.SEEK_END)
                if end:
                    fh.seek(end - 1)
                    # A run killed mid-write leaves a torn last line: start a fresh one so that only it is lost.
                    if fh.read(1) != b"\n":
                        line = "\n" + line
                fh.write(line.encode("utf-8"))
        except OSError as exc:
            raise TrainingError(said("could not write the metrics log {log}: {reason}").format(
                log=str(self.path), reason=exc.strerror or str(exc))) from None


def read_metrics(path) -> list[dict]:
    """Every record of a metrics log; a line torn by a killed run is skipped (the lines after it are whole)."""
    records = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                records.append(record)
    return records
