"""A song's chord symbols along time: the chord sounding at each model step, and a block-chord accompaniment."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from composer_app.music.chords import NO_CHORD, ChordSymbolError, parse_chord_symbol
from composer_app.music.song import PPQ, ChordSymbol, Note, TimeSignature, Track

ACCOMPANIMENT_NAME = "Chords"  # the track the chord lane keeps playing its chords on
ACCOMPANIMENT_PROGRAM = 0  # Acoustic Grand Piano: block chords read clearly on it
ACCOMPANIMENT_VELOCITY = 64
BASS_VELOCITY = 72
CHORD_LOW = 48  # chord roots sit in C3..B3, so a root-position chord stays around C3-C4
BASS_LOW = 36  # the bass note in C2..B2


def chord_at(chords: Sequence[ChordSymbol], tick: int) -> str:
    """The figure sounding at tick: the last chord starting at or before it, or N.C. before the first."""
    i = bisect_right([c.tick for c in chords], tick)
    return chords[i - 1].figure if i else NO_CHORD


def figures_per_step(chords: Sequence[ChordSymbol], start: int, steps: int, ticks_per_step: int) -> tuple[str, ...]:
    """One figure per model step from tick `start`, each the chord sounding at its step's tick (Improv RNN's
    backing chords); steps before the first chord are N.C."""
    ticks = [c.tick for c in chords]
    out = []
    for step in range(steps):
        i = bisect_right(ticks, start + step * ticks_per_step)
        out.append(chords[i - 1].figure if i else NO_CHORD)
    return tuple(out)


def chord_spans(chords: Sequence[ChordSymbol], end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, figure) of each chord: it lasts until the next chord, the last one until `end` (at least a
    quarter note past its start, so a chord after the song's end still shows)."""
    for i, chord in enumerate(chords):
        stop = chords[i + 1].tick if i + 1 < len(chords) else max(end, chord.tick + PPQ)
        if stop > chord.tick:
            yield chord.tick, stop, chord.figure


def voicing(figure: str) -> list[int]:
    """A root-position block chord: the root in C3..B3 with the chord's other tones stacked above it (each
    within the octave above the root, extensions an octave higher), and the bass note in C2..B2."""
    info = parse_chord_symbol(figure)
    if info.is_no_chord:
        return []
    root = CHORD_LOW + info.root_pitch_class
    pitches = {root}
    for degree, pc in zip((d for d, _ in info.degrees), info.pitch_classes):
        interval = (pc - info.root_pitch_class) % 12
        pitches.add(root + interval + (12 if degree > 7 else 0))
    pitches.add(BASS_LOW + info.bass_pitch_class)
    return sorted(p for p in pitches if 0 <= p <= 127)


def _bar_lines(signatures: Sequence[TimeSignature], start: int, stop: int) -> list[int]:
    """Bar starts strictly inside (start, stop)."""
    lines = []
    for i, sig in enumerate(signatures):
        seg_end = signatures[i + 1].tick if i + 1 < len(signatures) else stop
        length = max(1, sig.ticks_per_bar)
        first = sig.tick + max(0, -(-(start + 1 - sig.tick) // length)) * length
        lines += [t for t in range(first, min(seg_end, stop), length) if start < t < stop]
    return sorted(set(lines))


def accompaniment_notes(chords: Sequence[ChordSymbol], end: int,
                        signatures: Sequence[TimeSignature] = (TimeSignature(),)) -> tuple[Note, ...]:
    """Block chords for the chord symbols, struck again at every bar line while a chord lasts; N.C. is silence.

    Unreadable figures (from an old file) are silent too, rather than stopping the rest from sounding.
    """
    notes = []
    for start, stop, figure in chord_spans(chords, end):
        try:
            pitches = voicing(figure)
        except ChordSymbolError:
            pitches = []
        cuts = [start] + _bar_lines(signatures, start, stop) + [stop]
        for a, b in zip(cuts, cuts[1:]):
            for pitch in pitches:
                bass = pitch < CHORD_LOW
                notes.append(Note(a, pitch, b - a, BASS_VELOCITY if bass else ACCOMPANIMENT_VELOCITY))
    return tuple(sorted(notes))


def accompaniment_track(chords: Sequence[ChordSymbol], end: int, channel: int,
                        signatures: Sequence[TimeSignature] = (TimeSignature(),)) -> Track:
    """A new track playing the chords as block chords (see accompaniment_notes)."""
    return Track(name=ACCOMPANIMENT_NAME, program=ACCOMPANIMENT_PROGRAM, channel=channel,
                 notes=accompaniment_notes(chords, end, signatures))


__all__ = ["ACCOMPANIMENT_NAME", "chord_at", "figures_per_step", "chord_spans", "voicing", "accompaniment_notes",
           "accompaniment_track"]
