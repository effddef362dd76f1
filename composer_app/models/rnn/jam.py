"""Call and response: a phrase played over a loop, answered by the model with a continuation of the same length.

Magenta's `magenta_midi` call-and-response, reduced to what it computes: the call is the primer, the answer the
steps after it. Every RNN family continues a sequence, so each can jam: Melody, Drums and Improv RNN (over the chord
lane) through the step generator, Polyphony and Performance RNN through the jobs their Generate tabs run. The app's
Jam mode calls `answer` just before the loop comes round, so its speed is the slack a jam has
(benchmarks/bench_jam.py measures it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from composer_app.models.errors import GenerationError
from composer_app.models.rnn.configs import ModelConfig, get_config
from composer_app.models.rnn.extraction import track_events
from composer_app.models.rnn.requests import GenerateRequest, GenerationResult
from composer_app.models.rnn.steering import PitchSteering
from composer_app.music.chord_timeline import figures_per_step
from composer_app.music.chords import NO_CHORD
from composer_app.music.song import DEFAULT_QPM, ChordSymbol, Note, Song, TempoChange, Track, ticks_per_step
from composer_app.said import said

JAM_FAMILIES = ("melody", "drums", "improv", "polyphony", "performance")  # every family that continues a sequence


@dataclasses.dataclass(frozen=True)
class JamTurn:
    """One answer: its notes (ticks from the loop's start), the call it answers, and the model's result (a
    GenerationResult, or the TimedOutcome of a Polyphony or Performance RNN)."""

    notes: tuple[Note, ...]
    result: object
    call: Track = dataclasses.field(default_factory=lambda: Track("Call"), repr=False)
    seed: int | None = None
    temperature: float = 1.0


def can_jam(config_id: str) -> bool:
    """Whether the model can answer a call (every RNN family can; a MusicVAE has no config here)."""
    return get_config(config_id).family in JAM_FAMILIES


def answer(call: Track, span: int, config_id: str, bundle=None, temperature: float = 1.0,
           steering: PitchSteering | None = None, seed: int | None = None, qpm: float = DEFAULT_QPM,
           chords: Sequence[ChordSymbol] = (), call_at: int = 0, answer_at: int | None = None,
           controls: Mapping | None = None) -> JamTurn:
    """The model's answer to `call` (notes from tick 0 to `span`, the loop's length): `span` more ticks of music,
    returned from tick 0 so that it plays over the same loop.

    Improv RNN plays over `chords` (the song's chord lane): the call's steps take the chords from song tick
    `call_at`, the answer's from `answer_at` (the same loop again by default). Performance RNN reads the call, and
    writes its answer, at `qpm` and takes its conditioning from `controls` (the Performance tab's settings)."""
    config = get_config(config_id)
    if config.family not in JAM_FAMILIES:
        raise GenerationError(said("{model} cannot continue a sequence, so it cannot jam").format(model=config.id))
    if config.family in ("polyphony", "performance"):
        return _timed_answer(call, span, config, bundle, temperature, seed, qpm, controls or {})
    from composer_app.models.rnn.generator import generate

    step = ticks_per_step(config.steps_per_quarter)
    steps = span // step
    _check_steps(steps, config)
    backing = jam_chords(config.id, chords, call_at, call_at if answer_at is None else answer_at, span)
    primer = tuple(track_events(call, config, origin=0, end=steps * step))
    result: GenerationResult = generate(GenerateRequest(
        config_id=config.id, total_steps=2 * steps, primer=primer, bundle=bundle, temperature=temperature,
        steering=steering, seed=seed, qpm=qpm, chords=backing))
    seam = steps * step
    notes = _after_seam((n for t in result.candidates[0].song.tracks for n in t.notes), seam, seam)
    return JamTurn(notes, result, call, result.seed, temperature)


def _check_steps(steps: int, config: ModelConfig) -> None:
    if steps < 1:
        raise GenerationError(said("the loop is shorter than one step of {model}").format(model=config.id),
                              hint=said("Make the loop region at least a beat long."))


def _after_seam(notes, seam: int, span: int) -> tuple[Note, ...]:
    """The notes from the seam on, moved to start at 0 and cut at `span`."""
    return tuple(sorted(Note(n.start - seam, n.pitch, max(1, min(n.duration, seam + span - n.start)), n.velocity)
                        for n in notes if seam <= n.start < seam + span))


def jam_chords(config_id: str, chords: Sequence[ChordSymbol], call_at: int, answer_at: int,
               span: int) -> tuple[str, ...] | None:
    """Improv RNN's chord for every step of the call (from song tick `call_at`) and of the answer (from
    `answer_at`), read off the chord lane; None for a model without chords. A user's error when the answer's
    stretch has no chord."""
    config = get_config(config_id)
    if not config.needs_chords:
        return None
    step = ticks_per_step(config.steps_per_quarter)
    steps = span // step
    answer_chords = figures_per_step(chords, answer_at, steps, step)
    if all(figure == NO_CHORD for figure in answer_chords):
        raise GenerationError(said("{model} jams over the chord lane, and it has no chords in the loop").format(
            model=config.id), hint=said("Type chords in the chord lane over the loop region, then jam again."))
    return figures_per_step(chords, call_at, steps, step) + answer_chords


def _timed_answer(call: Track, span: int, config: ModelConfig, bundle, temperature: float, seed: int | None,
                  qpm: float, controls: Mapping) -> JamTurn:
    """Polyphony RNN continues the call on its 16th grid; Performance RNN for the loop's length in seconds at `qpm`,
    its unquantized notes brought back to ticks at that tempo (as the Generate tabs' jobs do)."""
    from composer_app.models.rnn.generator import resolve_bundle
    from composer_app.models.rnn.timed_jobs import STEP_TICKS, performance_job, poly_continue_job

    loaded = resolve_bundle(GenerateRequest(config_id=config.id, total_steps=1, bundle=bundle))
    sampling = {"num_outputs": 1, "temperature": temperature, "seed": seed}
    notes = [n for n in call.notes if n.start < span]
    if config.family == "polyphony":
        steps = span // STEP_TICKS
        _check_steps(steps, config)
        job = poly_continue_job(loaded, notes, 0, span, steps, sampling)
    else:
        song = Song(tempos=(TempoChange(0, float(qpm)),))
        seconds = song.tick_to_seconds(span)
        _check_steps(round(seconds * 100), config)
        values = {s.name: controls.get(s.name, s.default_value) for s in config.control_signals}
        job = performance_job(loaded, song, notes, 0, span, seconds, {**controls, **values}, sampling)
    outcome = job.run(lambda *_progress: None, lambda: False)
    return JamTurn(_after_seam(outcome.outputs[0], span, span), outcome, call, outcome.seed, temperature)
