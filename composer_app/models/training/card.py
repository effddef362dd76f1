"""Model cards: NAME.md beside NAME.mag, stating data, licence, sequences, hparams, steps, time and measured figures."""

from __future__ import annotations

import os
import platform
from pathlib import Path

from composer_app.atomic_file import write_atomically
from composer_app.models.training.errors import TrainingError
from composer_app.said import said


def card_path(bundle: Path) -> Path:
    return Path(bundle).with_suffix(".md")


def check_card_replaceable(bundle: Path) -> None:
    """The card is written beside the bundle: refuse to replace a file there that is not an earlier model card."""
    path = card_path(bundle)
    if not path.exists():
        return
    try:
        with open(path, "rb") as fh:
            first = fh.readline(200).decode("utf-8", "replace")
    except OSError as exc:
        raise TrainingError(said("cannot read {path}: {reason}").format(
            path=str(path), reason=exc.strerror or str(exc))) from None
    if not first.startswith(f"# {Path(bundle).stem} ("):
        raise TrainingError(said("{path} is not a model card, and the model card would replace it").format(
            path=str(path)), hint=said("Move that file, or choose another --output name."))


def _fmt(value, digits=3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _kept_note(result) -> str:
    if result.kept_step is None:
        return ""
    return (f"; the bundle holds the weights of step {result.kept_step}, the lowest held-out loss of the evaluations made "
            "(--keep-best). The held-out set chose them, so the figures below are slightly optimistic.")


def render_card(result, data_description: str = "", extra_sections: list[tuple[str, str]] = ()) -> str:
    report, held = result.report, result.held_out
    hp = ", ".join(f"{k}={v}" for k, v in result.hparams.items())
    lines = [
        f"# {Path(result.bundle).stem} ({result.config_id})",
        "",
        "## Data",
        data_description or "The user's own files.",
        "",
        f"- Files read: {report.files} ({len(report.unreadable)} unreadable, skipped); pieces: {report.songs}",
        f"- Split by source file: {report.train_files} files for training, {report.eval_files} held out",
        f"- Training sequences: {report.train_sequences} ({report.train_steps} steps); "
        f"held-out sequences: {report.eval_sequences} ({report.eval_steps} steps)",
        "- Extraction: " + (", ".join(f"{k} {v}" for k, v in sorted(report.stats.items())) or "n/a"),
        "",
        "## Training",
        f"- hparams: {hp}",
        f"- Steps: {result.steps}" + _kept_note(result),
        f"- Wall time: {result.wall_time_s / 60:.1f} min on this machine ({os.cpu_count()} CPU cores, "
        f"{platform.machine()}), {result.steps / max(result.wall_time_s, 1e-9):.3f} steps/s including evaluations",
        "",
        "## Held-out figures (measured)",
        f"- Perplexity: {_fmt(held.perplexity if held else None)}",
        f"- Accuracy: {_fmt(held.accuracy if held else None)}",
        f"- Mean cross-entropy per step: {_fmt(held.loss if held else None, 4)} over {held.steps if held else 0} steps",
    ]
    if result.final is not None and result.final.loss == result.final.loss:
        lines.append(f"- Last training loss: {_fmt(result.final.loss, 4)} (perplexity {_fmt(result.final.perplexity)},"
                     f" accuracy {_fmt(result.final.accuracy)})")
    for title, body in extra_sections:
        lines += ["", f"## {title}", body.rstrip()]
    return "\n".join(lines) + "\n"


def write_card(result, data_description: str = "", extra_sections=()) -> Path:
    text = render_card(result, data_description, extra_sections)
    return write_atomically(card_path(result.bundle), lambda fh: fh.write(text.encode("utf-8")))
