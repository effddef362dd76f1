"""Perplexity and accuracy of a folder of music under a model (held-out evaluation)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from composer_app.models.errors import GenerationError
from composer_app.models.rnn.bundle import Bundle
from composer_app.said import said


@dataclass
class EvaluationReport:
    files: int = 0
    unreadable: dict = field(default_factory=dict)
    sequences: int = 0
    steps: int = 0
    log_likelihood: float = 0.0
    correct: int = 0
    stats: Counter = field(default_factory=Counter)

    @property
    def perplexity(self) -> float:
        return math.exp(-self.log_likelihood / self.steps) if self.steps else float("nan")

    @property
    def accuracy(self) -> float:
        return self.correct / self.steps if self.steps else float("nan")

    def as_dict(self) -> dict:
        return {"files": self.files, "unreadable": len(self.unreadable), "sequences": self.sequences,
                "steps": self.steps, "log_likelihood": self.log_likelihood, "perplexity": self.perplexity,
                "accuracy": self.accuracy, "extraction": dict(self.stats)}

    def summary(self) -> str:
        return (f"{self.files} files ({len(self.unreadable)} unreadable), {self.sequences} sequences, "
                f"{self.steps} steps: perplexity {self.perplexity:.3f}, accuracy {self.accuracy:.3f}")


def evaluate_folder(bundle: Bundle, folder: Path) -> EvaluationReport:
    from composer_app.models.rnn.extraction import extract_sequences, model_events
    from composer_app.models.rnn.scoring import score_events
    from composer_app.music.errors import MusicFileError
    from composer_app.music.io import is_readable, read_songs

    folder = Path(folder)
    if not folder.is_dir():
        raise GenerationError(said("{folder} is not a folder").format(folder=str(folder)))
    report = EvaluationReport()
    config = bundle.config
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and is_readable(p)):
        report.files += 1
        try:
            songs = read_songs(path)
        except MusicFileError as exc:
            report.unreadable[str(path)] = exc.problem
            continue
        for song in songs:
            sequences, stats = extract_sequences(song, config)
            report.stats.update(stats)
            for seq in sequences:
                events = model_events(seq, config)
                score = score_events(bundle, events, raw=True)
                report.sequences += 1
                report.steps += score.steps
                report.log_likelihood += score.log_likelihood
                report.correct += int(round(score.accuracy * score.steps)) if score.steps else 0
    if report.files == 0:
        raise GenerationError(said("{folder} holds no readable music files").format(folder=str(folder)))
    return report
