"""Improv RNN's backing chords from the chord lane: the chord sounding at every model step of a generation."""

from __future__ import annotations

from composer_app.gui.generation.model_texts import model_text
from composer_app.gui.generation.placement import Placement
from composer_app.gui.shell.i18n import tr
from composer_app.models.errors import GenerationError
from composer_app.models.rnn.configs import ModelConfig
from composer_app.music.chord_timeline import figures_per_step
from composer_app.music.chords import NO_CHORD
from composer_app.music.song import Song, ticks_per_step


class NoChords(GenerationError):
    """The chord lane gives an Improv RNN nothing to play over; the message says where to add chords."""


def backing_chords(song: Song, config: ModelConfig, placement: Placement, total_steps: int) -> tuple[str, ...] | None:
    """One chord figure per step from the primer's start (placement.origin), for a model that needs chords; None
    for the others. Steps before the first chord are N.C. NoChords if the new steps would get no chord at all."""
    if not config.needs_chords:
        return None
    if not song.chords:
        raise NoChords(tr("{0} makes a melody over chords, and the chord lane is empty.").format(model_text(config.title)),
                       hint=tr("Double-click the chord lane above the roll to type chords (C, Am7, G/B, N.C.), "
                               "then generate again."))
    tps = ticks_per_step(config.steps_per_quarter)
    figures = figures_per_step(song.chords, placement.origin, total_steps, tps)
    new = figures[max(0, (placement.seam - placement.origin) // tps):]
    if all(figure == NO_CHORD for figure in new):
        bar = song.tick_to_bar(placement.seam) + 1
        raise NoChords(tr("The chord lane has no chords where the new melody goes (from bar {0:g}).").format(bar),
                       hint=tr("Type chords in the chord lane over those bars, or move the playhead to your chords."))
    return figures
