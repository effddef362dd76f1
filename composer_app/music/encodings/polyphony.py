"""Polyphony RNN's events and one-hot encoding, as Magenta's polyphony_lib and polyphony_encoder_decoder have them.

An event is a tuple (event type, pitch), pitch None for START, END and STEP_END. Within one 16th step every
sounding pitch is written once, highest first: NEW_NOTE where it starts, CONTINUED_NOTE where it goes on; STEP_END
closes the step. A sequence opens with START and a finished one closes with END.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from composer_app.music.encodings.base import OneHotEncoding

START, END, STEP_END, NEW_NOTE, CONTINUED_NOTE = 0, 1, 2, 3, 4
EVENT_NAMES = ("START", "END", "STEP_END", "NEW_NOTE", "CONTINUED_NOTE")
PITCH_CLASSES = 128
_WITHOUT_PITCH = (START, END, STEP_END)
_WITH_PITCH = (NEW_NOTE, CONTINUED_NOTE)

PolyEvent = tuple[int, "int | None"]


def poly_event(event_type: int, pitch: int | None = None) -> PolyEvent:
    """A checked polyphonic event; ValueError names what is wrong."""
    if event_type not in (START, END, STEP_END, NEW_NOTE, CONTINUED_NOTE):
        raise ValueError(f"unknown polyphonic event type {event_type!r} (0 START .. 4 CONTINUED_NOTE)")
    if event_type in _WITH_PITCH:
        if not isinstance(pitch, int) or not 0 <= pitch <= 127:
            raise ValueError(f"a {EVENT_NAMES[event_type]} event needs a pitch 0..127, not {pitch!r}")
        return (event_type, pitch)
    return (event_type, None)


class PolyphonyOneHotEncoding(OneHotEncoding):
    """259 classes: START, END, STEP_END, then 128 NEW_NOTE pitches, then 128 CONTINUED_NOTE pitches."""

    @property
    def num_classes(self) -> int:
        return len(_WITHOUT_PITCH) + len(_WITH_PITCH) * PITCH_CLASSES

    @property
    def default_event(self) -> PolyEvent:
        return (STEP_END, None)

    def encode_event(self, event) -> int:
        event_type, pitch = event
        if event_type in _WITHOUT_PITCH:
            return _WITHOUT_PITCH.index(event_type)
        if event_type in _WITH_PITCH and pitch is not None and 0 <= pitch < PITCH_CLASSES:
            return len(_WITHOUT_PITCH) + _WITH_PITCH.index(event_type) * PITCH_CLASSES + pitch
        raise ValueError(f"not a polyphonic event: {event!r}")

    def decode_event(self, index: int) -> PolyEvent:
        if 0 <= index < len(_WITHOUT_PITCH):
            return (_WITHOUT_PITCH[index], None)
        pitched = index - len(_WITHOUT_PITCH)
        if 0 <= pitched < len(_WITH_PITCH) * PITCH_CLASSES:
            return (_WITH_PITCH[pitched // PITCH_CLASSES], pitched % PITCH_CLASSES)
        raise ValueError(f"unknown polyphonic class {index}")

    def event_to_num_steps(self, event) -> int:
        return 1 if event[0] == STEP_END else 0


def num_steps(events: Iterable[PolyEvent]) -> int:
    """Completed steps: the number of STEP_END events."""
    return sum(1 for e in events if e[0] == STEP_END)


def events_from_notes(notes: Iterable[tuple[int, int, int]], total_steps: int, start_step: int = 0
                      ) -> list[PolyEvent]:
    """Magenta's PolyphonicSequence of quantized notes (start step, end step, pitch), closed by END.

    Notes starting before `start_step` are left out; `total_steps` is the quantized sequence's length.
    """
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for start, end, pitch in notes:
        if start < start_step:
            continue
        starts[start].append(pitch)
        ends[end].append(pitch)
    events: list[PolyEvent] = [(START, None)]
    active: list[int] = []
    for step in range(start_step, total_steps):
        step_events = []
        for pitch in ends[step]:
            active.remove(pitch)
        step_events += [(CONTINUED_NOTE, p) for p in active]
        for pitch in starts[step]:
            active.append(pitch)
            step_events.append((NEW_NOTE, pitch))
        # A stable sort on pitch alone: equal pitches keep Magenta's order (continued before new).
        events += sorted(step_events, key=lambda e: e[1], reverse=True)
        events.append((STEP_END, None))
    events.append((END, None))
    return events


def trim_trailing_ends(events: list[PolyEvent]) -> list[PolyEvent]:
    """The events without trailing END events (before priming a model with them)."""
    events = list(events)
    while events and events[-1][0] == END:
        events.pop()
    return events


def set_length(events: Sequence[PolyEvent], steps: int) -> list[PolyEvent]:
    """Magenta's PolyphonicSequence.set_length: trailing ENDs dropped, one STEP_END added, then padded with empty
    steps or cut after the `steps`-th STEP_END, and closed by END."""
    out = trim_trailing_ends(list(events)) + [(STEP_END, None)]
    have = num_steps(out)
    if have < steps:
        out += [(STEP_END, None)] * (steps - have)
    elif have > steps:
        seen = 0
        for i, event in enumerate(out):
            if event[0] == STEP_END:
                seen += 1
                if seen == steps:
                    out = out[:i + 1]
                    break
        else:
            out = [(START, None)]
        if steps == 0:
            out = [(START, None)]
    out.append((END, None))
    return out


def notes_from_events(events: Sequence[PolyEvent]) -> list[tuple[int, int, int]]:
    """(start step, end step, pitch) of every note, as Magenta's to_sequence reads the events.

    START and END out of place are ignored, as is a CONTINUED_NOTE of a pitch that is not sounding; a pitch not
    continued into the next step ends there. ValueError if notes are still open at the end (no final STEP_END).
    """
    step = 0
    open_notes: list[tuple[int, int]] = []  # (pitch, start step)
    to_end: list[int] = []
    notes = []
    for i, (event_type, pitch) in enumerate(events):
        if event_type == NEW_NOTE:
            open_notes.append((pitch, step))
        elif event_type == CONTINUED_NOTE:
            if pitch in to_end:
                to_end.remove(pitch)
        elif event_type == STEP_END or (event_type == END and i == len(events) - 1):
            for note in list(open_notes):
                if note[0] in to_end:
                    to_end.remove(note[0])
                    open_notes.remove(note)
                    notes.append((note[1], step, note[0]))
            step += 1
            to_end = [p for p, _ in open_notes]
    if open_notes:
        raise ValueError("the polyphonic events end with notes still sounding; they need a final STEP_END")
    return notes


__all__ = [
    "START", "END", "STEP_END", "NEW_NOTE", "CONTINUED_NOTE", "EVENT_NAMES", "PolyphonyOneHotEncoding",
    "poly_event", "num_steps", "events_from_notes", "trim_trailing_ends", "set_length", "notes_from_events",
]
