"""The one-line description a trained bundle carries, written and read back in one place.

The line is stored in the .mag as plain English (Magenta shows it too), so the app reads its parts back to show
it in the user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TrainingFacts:
    """What a bundle's description says about its training."""

    sequences: int
    steps: int
    data: str = ""  # the training data in words (dataset names and licences), or empty
    kept_step: int | None = None  # the step whose weights were kept (the best held-out), if not the last
    perplexity: float | None = None
    accuracy: float | None = None

    def line(self) -> str:
        """The description as it is stored in the bundle."""
        data = f" on {self.data}" if self.data else ""
        kept = f" (weights of step {self.kept_step}, the best held-out)" if self.kept_step is not None else ""
        figures = (f"; held-out perplexity {self.perplexity:.3f}, accuracy {self.accuracy:.3f}"
                   if self.perplexity is not None and self.accuracy is not None else "")
        return f"Trained by composer-app{data}: {self.sequences} sequences, {self.steps} steps{kept}{figures}."


_LINE = re.compile(r"Trained by composer-app(?: on (?P<data>.+))?: (?P<sequences>\d+) sequences, (?P<steps>\d+) steps"
                   r"(?: \(weights of step (?P<kept>\d+), the best held-out\))?"
                   r"(?:; held-out perplexity (?P<perplexity>[\d.]+), accuracy (?P<accuracy>[\d.]+))?\.")


def read_training_facts(description: str) -> TrainingFacts | None:
    """The facts of a description written by `TrainingFacts.line`, or None for any other text."""
    match = _LINE.fullmatch(description.strip())
    if match is None:
        return None
    number = lambda key, kind: kind(match[key]) if match[key] is not None else None  # noqa: E731
    try:
        return TrainingFacts(sequences=int(match["sequences"]), steps=int(match["steps"]), data=match["data"] or "",
                             kept_step=number("kept", int), perplexity=number("perplexity", float),
                             accuracy=number("accuracy", float))
    except ValueError:  # "1.2.3" matches the pattern's digits and dots but is no number
        return None
