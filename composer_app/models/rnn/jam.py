"""Call and response: a phrase played over a loop, answered by the model with a continuation of the same length.

Magenta's `magenta_midi` call-and-response, reduced to what it computes: the call is the primer, the answer the
steps after it. The app's Jam mode calls `answer` just before the loop comes round, so its speed is the slack a
jam has (benchmarks/bench_jam.py measures it).
"""

from __future__ import annotations

import dataclasses

from composer_app.models.errors import GenerationError
from composer_app.models.rnn.configs import get_config
from composer_app.models.rnn.extraction import track_events
from composer_app.models.rnn.requests import GenerateRequest, GenerationResult
from composer_app.models.rnn.steering import PitchSteering
from composer_app.music.song import DEFAULT_QPM, Note, Track, ticks_per_step
from composer_app.said import said


@dataclasses.dataclass(frozen=True)
class JamTurn:
    """One answer: its notes (ticks from the loop's start) and the generation they came from."""

    notes: tuple[Note, ...]
    result: GenerationResult


def answer(call: Track, span: int, config_id: str, bundle=None, temperature: float = 1.0,
           steering: PitchSteering | None = None, seed: int | None = None, qpm: float = DEFAULT_QPM) -> JamTurn:
    """The model's answer to `call` (notes from tick 0 to `span`, the loop's length): `span` more ticks of music,
    returned from tick 0 so that it plays over the same loop."""
    from composer_app.models.rnn.generator import generate

    config = get_config(config_id)
    step = ticks_per_step(config.steps_per_quarter)
    steps = span // step
    if steps < 1:
        raise GenerationError(said("the loop is shorter than one step of {model}").format(model=config.id),
                              hint=said("Make the loop region at least a beat long."))
    primer = tuple(track_events(call, config, origin=0, end=steps * step))
    result = generate(GenerateRequest(config_id=config.id, total_steps=2 * steps, primer=primer, bundle=bundle,
                                      temperature=temperature, steering=steering, seed=seed, qpm=qpm))
    seam = steps * step
    notes = tuple(sorted(Note(n.start - seam, n.pitch, min(n.duration, 2 * seam - n.start), n.velocity)
                         for t in result.candidates[0].song.tracks for n in t.notes if seam <= n.start < 2 * seam))
    return JamTurn(notes, result)
