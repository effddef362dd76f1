"""Primers and results of Polyphony and Performance RNN, as Magenta's sequence generators prepare and render them.

A primer is a list of notes in seconds (start, end, pitch, velocity) with the primer's total time. Magenta quantizes
it (16ths at the tempo, or 10 ms steps), starts generating at the step after its total time (quantize cutoff 0, so
a primer ending exactly on a step gets one empty step more), and renders the result back to notes; these functions
do the same, in the same float operations where steps are rounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from composer_app.music.encodings import note_performance as notes_lib
from composer_app.music.encodings import performance as perf
from composer_app.music.encodings import polyphony as poly
from composer_app.music.song import PPQ, Note, Song, TempoChange, Track
from composer_app.said import said

SecondsNote = tuple[float, float, int, int]  # start s, end s, pitch, velocity
MAX_NOTE_SECONDS = 5.0  # Magenta's Performance RNN generator cuts notes longer than this


def quantize_to_step(seconds: float, steps_per_second: float, cutoff: float = 0.5) -> int:
    """note_seq's quantize_to_step: round up from `cutoff` of a step on."""
    return int(seconds * steps_per_second + (1 - cutoff))


def quantized_notes(notes: Sequence[SecondsNote], steps_per_second: float) -> list[tuple[int, int, int, int]]:
    """(start step, end step, pitch, velocity), a note never shorter than one step, as note_seq quantizes."""
    out = []
    for start, end, pitch, velocity in notes:
        s, e = quantize_to_step(start, steps_per_second), quantize_to_step(end, steps_per_second)
        out.append((s, e + 1 if e == s else e, pitch, velocity))
    return out


@dataclass(frozen=True)
class PolyphonyPlan:
    """What Magenta's polyphony generator feeds and asks for: primer events, injected steps, the length."""

    primer: tuple
    total_steps: int
    start_step: int  # where the generated sequence starts on the song's grid
    inject: tuple[tuple, ...] = ()
    inject_start: int = 0


def polyphony_plan(notes: Sequence[SecondsNote], total_time: float, qpm: float, num_steps: int,
                   condition_on_primer: bool, inject_primer: bool, steps_per_quarter: int = 4) -> PolyphonyPlan:
    """Magenta's PolyphonyRnnSequenceGenerator up to generation; ValueError if the primer leaves nothing to do."""
    steps_per_second = steps_per_quarter * qpm / 60.0
    seconds_per_step = 60.0 / qpm / steps_per_quarter
    generate_start = quantize_to_step(total_time, steps_per_second, cutoff=0.0)
    generate_end = quantize_to_step(num_steps * seconds_per_step, steps_per_second, cutoff=1.0)
    if total_time >= num_steps * seconds_per_step:
        raise ValueError(f"the primer lasts {total_time:g} s, not less than the {num_steps} steps asked for")
    quantized = quantized_notes(notes, steps_per_second)
    length = max([e for _, e, _, _ in quantized] + [quantize_to_step(total_time, steps_per_second)])
    primer = poly.events_from_notes([(s, e, p) for s, e, p, _ in quantized], length) if quantized \
        else [(poly.START, None)]
    primer = poly.trim_trailing_ends(poly.set_length(primer, generate_start))
    inject, inject_start = (), 0
    if inject_primer:
        inject = tuple(tuple(step) for step in _steps_of(primer))
        inject_start = poly.num_steps(primer) if condition_on_primer else 0
    if condition_on_primer:
        return PolyphonyPlan(tuple(primer), poly.num_steps(primer) + generate_end - generate_start, 0, inject,
                             inject_start)
    return PolyphonyPlan(((poly.START, None),), generate_end - generate_start, generate_start, inject, inject_start)


def _steps_of(events: Sequence) -> list[list]:
    """The events of every step (between START or a STEP_END and the next STEP_END)."""
    steps, current = [], []
    for event in events:
        if event[0] == poly.STEP_END:
            steps.append(current)
            current = []
        elif event[0] in (poly.NEW_NOTE, poly.CONTINUED_NOTE):
            current.append(event)
    return steps


def polyphony_song(events: Sequence, plan: PolyphonyPlan, qpm: float, primer_notes: Sequence[SecondsNote] = (),
                   name: str = "Polyphony RNN", program: int = 0) -> Song:
    """The generated sequence (set to its length) as a one-track song at 100 velocity; where the primer was not
    fed to the model, its own notes come first, as Magenta's base_note_sequence."""
    events = poly.set_length(events, plan.total_steps)
    per_step = PPQ // 4
    notes = [Note((plan.start_step + s) * per_step, p, (e - s) * per_step, 100)
             for s, e, p in poly.notes_from_events(events)]
    if plan.start_step:
        notes += [_seconds_note(n, qpm) for n in primer_notes]
    return Song(tracks=(Track(name=name, program=program, notes=tuple(notes)),), tempos=(TempoChange(0, qpm),))


def _seconds_note(note: SecondsNote, qpm: float) -> Note:
    start, end, pitch, velocity = note
    to_tick = PPQ * qpm / 60.0
    begin = round(start * to_tick)
    return Note(begin, pitch, max(1, round(end * to_tick) - begin), velocity)


@dataclass(frozen=True)
class PerformancePlan:
    """What Magenta's performance generator feeds and asks for."""

    primer: tuple
    total_steps: int
    start_step: int  # the performance's offset in 10 ms steps (non-zero only for an empty primer)
    end_step: int = 0  # the note encoding: the step the result is cut at (its total_steps counts from elsewhere)


def performance_plan(notes: Sequence[SecondsNote], total_time: float, num_steps: int, num_velocity_bins: int
                     ) -> PerformancePlan:
    """Magenta's PerformanceRnnSequenceGenerator up to generation (an empty primer becomes one second of silence,
    or less when fewer steps are asked for)."""
    sps = perf.STEPS_PER_SECOND
    generate_start = quantize_to_step(total_time, sps, cutoff=0.0)
    generate_end = quantize_to_step(num_steps * (1.0 / sps), sps, cutoff=1.0)
    if total_time >= num_steps * (1.0 / sps):
        raise ValueError(f"the primer lasts {total_time:g} s, not less than the {num_steps} steps asked for")
    quantized = quantized_notes(notes, sps)
    events = perf.performance_from_notes(quantized, num_velocity_bins) if quantized else []
    start_step = 0 if events else generate_start
    events = perf.set_performance_length(events, generate_start - start_step)
    total = perf.performance_steps(events) + generate_end - generate_start
    if not events:
        events = perf.set_performance_length(events, min(perf.DEFAULT_MAX_SHIFT_STEPS, total))
    return PerformancePlan(tuple(events), total, start_step)


def performance_song(events: Sequence, plan: PerformancePlan, num_velocity_bins: int,
                     name: str = "Performance RNN", program: int = 0) -> Song:
    """The performance (set to its length) as a one-track song at 120 qpm, notes cut at 5 s as Magenta's
    generator does; times keep their 10 ms steps (19.2 ticks each, rounded to the nearest tick)."""
    events = perf.set_performance_length(events, plan.total_steps)
    ticks_per_step = PPQ * 2 / perf.STEPS_PER_SECOND  # 120 qpm: two quarters a second
    notes = []
    for start, end, pitch, velocity in perf.notes_from_performance(events, num_velocity_bins,
                                                                    max_note_steps=int(MAX_NOTE_SECONDS * 100)):
        begin = round((plan.start_step + start) * ticks_per_step)
        notes.append(Note(begin, pitch, max(1, round((plan.start_step + end) * ticks_per_step) - begin), velocity))
    return Song(tracks=(Track(name=name, program=program, notes=tuple(notes)),), tempos=(TempoChange(0, 120.0),))


def note_performance_plan(notes: Sequence[SecondsNote], total_time: float, num_steps: int, num_velocity_bins: int
                          ) -> PerformancePlan:
    """The same for the note encoding: one event per primer note (NotePerformance, whose set_length does nothing,
    so the gap before the generated part is not filled); the length asked for is counted from the last note's end.

    Magenta's generator has no way to start a note performance from nothing, nor from a primer with a gap or a
    note over 10 s: those raise NotePerformanceError here.
    """
    sps = perf.STEPS_PER_SECOND
    generate_start = quantize_to_step(total_time, sps, cutoff=0.0)
    generate_end = quantize_to_step(num_steps * (1.0 / sps), sps, cutoff=1.0)
    if total_time >= num_steps * (1.0 / sps):
        raise ValueError(f"the primer lasts {total_time:g} s, not less than the {num_steps} steps asked for")
    if not notes:
        raise notes_lib.NotePerformanceError(said("the note encoding needs a primer with notes: Magenta's generator "
                                                  "cannot start a note performance from silence"))
    events = notes_lib.note_performance_from_notes(quantized_notes(notes, sps), num_velocity_bins,
                                                   start_times=[n[0] for n in notes])
    total = notes_lib.note_performance_steps(events) + generate_end - generate_start
    return PerformancePlan(tuple(events), total, 0, generate_end)


def note_performance_song(events: Sequence, plan: PerformancePlan, num_velocity_bins: int,
                          name: str = "Performance RNN", program: int = 0) -> Song:
    """A note performance, cut at the plan's end, as a one-track song at 120 qpm (NotePerformance.to_sequence
    does not cut long notes)."""
    ticks_per_step = PPQ * 2 / perf.STEPS_PER_SECOND
    events = notes_lib.set_note_performance_length(events, plan.end_step)
    notes = []
    for start, end, pitch, velocity in notes_lib.notes_from_note_performance(events, num_velocity_bins):
        begin = round(start * ticks_per_step)
        notes.append(Note(begin, pitch, max(1, round(end * ticks_per_step) - begin), velocity))
    return Song(tracks=(Track(name=name, program=program, notes=tuple(notes)),), tempos=(TempoChange(0, 120.0),))


def song_seconds_notes(song: Song) -> tuple[list[SecondsNote], float, list[str]]:
    """Every pitched note of a song in seconds (at its first tempo), its total time, and the names of the tracks
    merged when there are several (Magenta drops a primer of several programs; this app plays them all)."""
    qpm = song.tempos[0].qpm if song.tempos else 120.0
    seconds_per_tick = 60.0 / qpm / PPQ
    tracks = [t for t in song.tracks if not t.is_drum and t.notes]
    notes = [(n.start * seconds_per_tick, n.end * seconds_per_tick, n.pitch, n.velocity)
             for t in tracks for n in t.notes]
    total = max((end for _, end, _, _ in notes), default=0.0)
    merged = [t.name for t in tracks] if len({t.program for t in tracks}) > 1 else []
    return sorted(notes), total, merged
