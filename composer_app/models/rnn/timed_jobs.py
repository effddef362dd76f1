"""Polyphony and Performance RNN jobs: the roll's notes in, placed notes out (the Generate panels' queue and the jam).

A job prepares its primer as Magenta's generators do (composer_app.models.rnn.timed_primers), samples in the queue's
worker thread with run(progress, cancelled), and gives back, per output, the notes to write at their song ticks.
Polyphony RNN's grid is read at a nominal 120 qpm (16ths are 240 ticks whatever the tempo); Performance RNN's 10 ms
steps go through the song's tempo map, so its notes land off the grid with their own timing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from composer_app.models.rnn.bundle import Bundle
from composer_app.music.song import PPQ, Note, Song

HARMONISE = "harmonise"
CONTINUE = "continue"
FROM_SILENCE = "silence"
POLY_QPM = 120.0
STEP_TICKS = PPQ // 4
SECONDS_PER_TICK = 60.0 / POLY_QPM / PPQ
VOICE_VELOCITY = 84  # added voices sit a little under the melody
FLAT_VELOCITY = 80  # a performance with its dynamics turned off


@dataclass(frozen=True)
class TimedOutcome:
    """Each output's notes at their song ticks (new material only), the seed and the time it took."""

    outputs: tuple[tuple[Note, ...], ...] = field(repr=False)
    seed: int
    seconds: float


@dataclass(frozen=True)
class TimedJob:
    """One queued Polyphony or Performance RNN generation; `place(events)` turns an output into song notes."""

    request: object  # TimedRequest
    place: Callable = field(repr=False)
    primer_steps: int = 0  # progress counts the steps after these

    def run(self, progress, cancelled) -> TimedOutcome:
        from composer_app.models.rnn.timed_generator import TimedGenerator

        total = self.request.total_steps - self.primer_steps
        result = TimedGenerator(self.request.bundle).generate(
            self.request, cancelled, lambda done, _all: progress(max(0, done - self.primer_steps), total))
        progress(total, total)
        return TimedOutcome(tuple(tuple(self.place(events)) for events in result.events), result.seed,
                            result.seconds)


def _timed_request(bundle: Bundle, primer, total: int, sampling: dict, **extra):
    from composer_app.models.rnn.timed_generator import TimedRequest

    return TimedRequest(bundle, tuple(primer), total, sampling["num_outputs"], sampling["temperature"],
                        seed=sampling["seed"], **extra)


# -- Polyphony RNN ---------------------------------------------------------------------------------------------
def _poly_seconds(notes: Sequence[Note], origin: int) -> list[tuple[float, float, int, int]]:
    return sorted(((n.start - origin) * SECONDS_PER_TICK, (n.end - origin) * SECONDS_PER_TICK, n.pitch, n.velocity)
                  for n in notes)


def _poly_notes(events, plan, origin: int, velocity: int) -> list[Note]:
    from composer_app.music.encodings import polyphony as poly

    events = poly.set_length(list(events), plan.total_steps)
    return [Note(origin + s * STEP_TICKS, p, (e - s) * STEP_TICKS, velocity)
            for s, e, p in poly.notes_from_events(events)]


def harmonise_job(bundle: Bundle, melody: Sequence[Note], origin: int, sampling: dict) -> TimedJob:
    """Magenta's inject mode: the melody is replayed step by step and the model adds voices; only the notes under
    the melody are kept (the melody itself stays as it is)."""
    from composer_app.models.rnn.timed_primers import polyphony_plan

    notes = _poly_seconds(melody, origin)
    end = max(n.end for n in melody)
    melody_steps = -(-(end - origin) // STEP_TICKS)
    total_time = (end - origin) * SECONDS_PER_TICK
    plan = polyphony_plan(notes, total_time, POLY_QPM, melody_steps * 2 + 2, False, True)
    request = _timed_request(bundle, plan.primer, len(plan.inject), sampling, inject=plan.inject,
                             inject_start=plan.inject_start)
    plan = type(plan)(plan.primer, len(plan.inject), 0, plan.inject, plan.inject_start)

    def place(events) -> list[Note]:
        return voices_below(_poly_notes(events, plan, origin, VOICE_VELOCITY), melody, end)

    return TimedJob(request, place)


def voices_below(notes: Sequence[Note], melody: Sequence[Note], end: int) -> list[Note]:
    """The notes below the melody note sounding where each starts (below the last one heard, in a rest), cut at
    the melody's end; the melody's own replayed notes and anything at or above it are left out."""
    ordered = sorted(melody, key=lambda n: n.start)
    out = []
    for n in notes:
        if n.start >= end:
            continue
        sounding = [m.pitch for m in ordered if m.start <= n.start < m.end]
        heard = sounding or [m.pitch for m in ordered if m.start <= n.start][-1:] or [ordered[0].pitch]
        if n.pitch < min(heard):
            out.append(Note(n.start, n.pitch, max(1, min(n.end, end) - n.start), n.velocity))
    return out


def poly_continue_job(bundle: Bundle, primer: Sequence[Note], origin: int, seam: int, steps: int,
                      sampling: dict) -> TimedJob:
    """Magenta's continuation (conditioned on the primer, nothing injected): `steps` 16ths after the seam."""
    from composer_app.models.rnn.timed_primers import polyphony_plan, quantize_to_step

    notes = [(s, min(e, (seam - origin) * SECONDS_PER_TICK), p, v) for s, e, p, v in _poly_seconds(primer, origin)]
    total_time = (seam - origin) * SECONDS_PER_TICK
    start = quantize_to_step(total_time, 4 * POLY_QPM / 60.0, cutoff=0.0)
    plan = polyphony_plan(notes, total_time, POLY_QPM, start + steps + 1, True, False)
    request = _timed_request(bundle, plan.primer, plan.total_steps, sampling)
    first = origin + start * STEP_TICKS

    def place(events) -> list[Note]:
        return [n for n in _poly_notes(events, plan, origin, 100) if first <= n.start < first + steps * STEP_TICKS]

    return TimedJob(request, place, start)


# -- Performance RNN -------------------------------------------------------------------------------------------
def _schedule(name: str, value) -> tuple:
    """A control's values over the performance, as Magenta takes them: one value, or a list spread evenly over the
    steps. A density is a number or a list of numbers; a histogram is 12 weights or a list of such."""
    if name == "pitch_class_histogram":
        nested = len(value) > 0 and isinstance(value[0], (list, tuple))
        return tuple(tuple(h) for h in value) if nested else (tuple(value),)
    return tuple(float(v) for v in value) if isinstance(value, (list, tuple)) else (value,)


def performance_job(bundle: Bundle, song: Song, primer: Sequence[Note], origin: int, seam: int, seconds: float,
                    controls: dict, sampling: dict) -> TimedJob:
    """`seconds` of performance from the seam: after the primer's notes (from origin), or from silence.

    `controls` holds "notes_per_second", "pitch_class_histogram", "conditioning" (False turns optional conditioning
    off), "dynamics" (False plays every note at one velocity) and "piano_rules" (True samples by the piano's rules;
    whole-note events need none)."""
    from composer_app.models.rnn.timed_primers import performance_plan
    from composer_app.music.encodings import performance as perf

    config = bundle.config
    if config.writes_whole_notes:
        return _note_performance_job(bundle, song, primer, origin, seam, seconds, controls, sampling)
    t0 = song.tick_to_seconds(origin)
    t_seam = song.tick_to_seconds(seam)
    notes = sorted((song.tick_to_seconds(n.start) - t0, song.tick_to_seconds(min(n.end, seam)) - t0, n.pitch,
                    n.velocity) for n in primer if n.start < seam)
    total_time = (t_seam - t0) if notes else 0.0
    steps = round(seconds * perf.STEPS_PER_SECOND)
    lead = 0 if notes else perf.DEFAULT_MAX_SHIFT_STEPS + 1  # an empty primer is a second of silence, cut after
    base = round(total_time * perf.STEPS_PER_SECOND) + 1 if notes else 0
    plan = performance_plan(notes, total_time, base + steps + lead, config.num_velocity_bins)
    values = tuple(_schedule(s.name, controls[s.name]) for s in config.control_signals)
    flags = (not controls.get("conditioning", True),)
    request = _timed_request(bundle, plan.primer, plan.total_steps, sampling, control_values=values,
                             disable_conditioning=flags, piano_rules=bool(controls.get("piano_rules", False)))
    primer_steps = perf.performance_steps(plan.primer)
    dynamics = controls.get("dynamics", True) and config.num_velocity_bins > 0

    def place(events) -> list[Note]:
        events = perf.set_performance_length(list(events), plan.total_steps)
        out = []
        for start, end, pitch, velocity in perf.notes_from_performance(events, config.num_velocity_bins,
                                                                        max_note_steps=500):
            if start < primer_steps:
                continue
            begin_s = (start - primer_steps) / perf.STEPS_PER_SECOND
            end_s = (end - primer_steps) / perf.STEPS_PER_SECOND
            begin = song.seconds_to_tick(t_seam + begin_s)
            out.append(Note(begin, pitch, max(1, song.seconds_to_tick(t_seam + end_s) - begin),
                            velocity if dynamics else FLAT_VELOCITY))
        return out

    return TimedJob(request, place, primer_steps)



def _note_performance_job(bundle: Bundle, song: Song, primer: Sequence[Note], origin: int, seam: int,
                          seconds: float, controls: dict, sampling: dict) -> TimedJob:
    """performance_job for the note encoding: the primer's notes become one event each (it needs some), and the
    generated notes that start from the seam on, within `seconds`, are placed (Magenta's note performance goes on
    from the primer's last onset, so its first notes may start before the seam)."""
    from composer_app.models.rnn.timed_primers import note_performance_plan
    from composer_app.music.encodings import note_performance as notes_lib
    from composer_app.music.encodings import performance as perf

    config = bundle.config
    t0 = song.tick_to_seconds(origin)
    t_seam = song.tick_to_seconds(seam)
    notes = sorted((song.tick_to_seconds(n.start) - t0, song.tick_to_seconds(min(n.end, seam)) - t0, n.pitch,
                    n.velocity) for n in primer if n.start < seam)
    total_time = t_seam - t0
    steps = round(seconds * perf.STEPS_PER_SECOND)
    plan = note_performance_plan(notes, total_time, round(total_time * perf.STEPS_PER_SECOND) + 1 + steps,
                                 config.num_velocity_bins)
    request = _timed_request(bundle, plan.primer, plan.total_steps, sampling)
    dynamics = controls.get("dynamics", True)
    first, last = seam, song.seconds_to_tick(t_seam + seconds)

    def place(events) -> list[Note]:
        out = []
        events = notes_lib.set_note_performance_length(events, plan.end_step)
        generated = notes_lib.notes_from_note_performance(events, config.num_velocity_bins)[len(plan.primer):]
        for start, end, pitch, velocity in generated:
            begin = song.seconds_to_tick(t0 + start / perf.STEPS_PER_SECOND)
            if first <= begin < last:
                end_tick = song.seconds_to_tick(t0 + end / perf.STEPS_PER_SECOND)
                out.append(Note(begin, pitch, max(1, end_tick - begin), velocity if dynamics else FLAT_VELOCITY))
        return out

    return TimedJob(request, place, notes_lib.note_performance_steps(plan.primer))
