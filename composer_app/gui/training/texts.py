"""The Training panel's sentences built from figures: what a run is, how far it is, how long it has left."""

from __future__ import annotations

from pathlib import Path

from composer_app.gui.shell.i18n import tr
from composer_app.gui.training.process import TrainingChoice


def duration_text(seconds: float) -> str:
    """A time left, in the current language: seconds, minutes, or hours and minutes."""
    seconds = max(0, int(round(seconds)))
    if seconds < 90:
        return tr("%n s", "seconds", seconds)
    if seconds < 5400:
        return tr("%n min", "minutes", round(seconds / 60))
    return tr("{0} h {1} min").format(seconds // 3600, (seconds % 3600) // 60)


def run_summary(choice: TrainingChoice) -> str:
    """One line for a run whose choices are fixed: model, length, folders and the bundle it writes."""
    from composer_app.gui.generation.model_texts import model_text
    from composer_app.models.rnn.configs import get_config

    try:
        model = model_text(get_config(choice.config_id).title)
    except KeyError:
        model = choice.config_id
    if choice.init_from:
        model = tr("{0}, continuing {1}").format(model, Path(choice.init_from).name)
    length = tr("%n minute(s)", "", round(choice.minutes)) if choice.minutes else tr("%n step(s)", "", choice.steps)
    return tr("{0} · {1} · %n folder(s) → {2}", "", len(choice.inputs)).format(model, length,
                                                                               Path(choice.output).name)


def seconds_left(last: dict, choice: TrainingChoice | None) -> float | None:
    """The time the run still needs: what is left of its budget, or its steps left at the latest rate."""
    if choice is None:
        return None
    if choice.minutes:
        return max(0.0, choice.minutes * 60 - last.get("elapsed_s", 0.0))
    rate = last.get("steps_per_sec") or 0.0
    return (choice.steps - last["step"]) / rate if rate > 0 else None


def figures_line(last: dict, held: list[dict], choice: TrainingChoice | None, running: bool) -> str:
    """Step, steps/s, time left (while running) and the latest held-out figures, as one line."""
    total = choice.steps if choice is not None and not choice.minutes else "–"
    parts = [tr("step {0} of {1}").format(last["step"], total)]
    rate = last.get("steps_per_sec")
    if rate:
        parts.append(tr("{0:.2f} steps/s").format(rate))
    left = seconds_left(last, choice)
    if left is not None and running:
        parts.append(tr("about {0} left").format(duration_text(left)))
    if held:
        parts.append(tr("held-out perplexity {0:.3g}, accuracy {1:.0%}").format(
            held[-1]["eval_perplexity"], held[-1]["eval_accuracy"]))
    return "  ·  ".join(parts)
