"""The Training panel's sentences built from figures: what a run is, how far it is, how long it has left, what
it wrote, and what is missing before it can start."""

from __future__ import annotations

import math
from pathlib import Path

from composer_app.gui.shell.i18n import QT_TR_NOOP, tr
from composer_app.gui.training.process import TrainingChoice
from composer_app.gui.training.vae_choices import (
    BUNDLE_SUFFIX,
    MAGENTA,
    SMALL,
    VAE_SUFFIX,
    is_vae,
    step_seconds,
    vae_label,
)


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
        model = vae_label(choice.config_id) if is_vae(choice.config_id) else model_text(
            get_config(choice.config_id).title)
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
    if "beta" in last:
        parts.append(tr("β {0:.3g}").format(last["beta"]))  # MusicVAE's KL weight, which grows as it trains
    if held and "eval_kl_bits" in held[-1]:
        parts.append(tr("held-out accuracy {0:.0%}, KL {1:.3g} bits").format(
            held[-1]["eval_accuracy"], held[-1]["eval_kl_bits"]))
    elif held:
        parts.append(tr("held-out perplexity {0:.3g}, accuracy {1:.0%}").format(
            held[-1]["eval_perplexity"], held[-1]["eval_accuracy"]))
    return "  ·  ".join(parts)


def result_text(result: dict) -> str:
    """What the finished run wrote, its held-out figures, and where it is now."""
    name, steps = Path(result["bundle"]).name, result.get("steps", 0)
    if not result.get("card"):  # a MusicVAE checkpoint: no model card
        text = tr("Wrote {0} after {1} steps.").format(name, steps)
        accuracy, kl = result.get("eval_accuracy"), result.get("eval_kl_bits")
        if accuracy is not None and kl is not None and math.isfinite(kl):
            text += " " + tr("Held-out reconstruction accuracy {0:.0%}, KL {1:.3g} bits.").format(accuracy, kl)
        return text + " " + tr("It is opened in the MusicVAE tab of the Generate panel now.")
    text = tr("Wrote {0} and its model card after {1} steps.").format(name, steps)
    held = result.get("eval_perplexity")
    if held is not None and math.isfinite(held):
        text += " " + tr("Held-out perplexity {0:.3g}.").format(held)
    return text + " " + tr("It is chosen in the Generate panel now.")


def choice_problem(choice: TrainingChoice) -> str:
    """What is missing before the run can start (untranslated, for the status line), or ""."""
    if not choice.config_id:
        if choice.init_from:
            return QT_TR_NOOP("That file is not a bundle or MusicVAE checkpoint of a model the app trains: choose "
                              "another.")
        return QT_TR_NOOP("Choose the bundle to continue training.")
    if not choice.inputs:
        return QT_TR_NOOP("Add a folder of MIDI, MusicXML or ABC files to learn from.")
    if not choice.output:
        return QT_TR_NOOP("Choose where to save the new bundle.")
    if is_vae(choice.config_id):
        if not choice.output.lower().endswith(VAE_SUFFIX):
            return QT_TR_NOOP("The new MusicVAE checkpoint's name should end in .tar.")
    elif not choice.output.lower().endswith(BUNDLE_SUFFIX):
        return QT_TR_NOOP("The new bundle's name should end in .mag.")
    return ""


def step_hint(config_id: str, size: int, steps: int | None, minutes: float | None) -> str:
    """How long a MusicVAE step of this config takes at this size on a 2-core CPU, and so how long the run takes
    (or how many steps a time budget gives), with Magenta's size and the small one beside it."""
    seconds = step_seconds(config_id, size)
    if seconds is None:
        return tr("Magenta's size of this model (about 176 million parameters) takes minutes a step and about 7 GB "
                  "of memory on a laptop CPU: choose the small size, or train Magenta's size on a GPU machine.")
    big, small = step_seconds(config_id, MAGENTA), step_seconds(config_id, SMALL)
    sizes = (tr("Magenta's size takes about {0} a step, the small one about {1}").format(
        tr("{0:g} s").format(big), tr("{0:g} s").format(small)) if big is not None
        else tr("the small size takes about {0} a step").format(tr("{0:g} s").format(small)))
    each = tr("{0:g} s").format(seconds)
    if minutes:
        return tr("A step takes about {0} at this size, so {1} give about {2} steps (measured on a 2-core CPU: "
                  "{3}).").format(each, duration_text(minutes * 60), f"{max(1, round(minutes * 60 / seconds)):,}",
                                 sizes)
    return tr("A step takes about {0} at this size, so {1} steps take about {2}, plus up to a minute to start "
              "(measured on a 2-core CPU: {3}).").format(each, f"{steps:,}", duration_text(steps * seconds), sizes)
