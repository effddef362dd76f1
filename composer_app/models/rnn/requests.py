"""Generation requests and their results, frozen: what to generate, from which primer, and the candidates made."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from composer_app.models.errors import GenerationError
from composer_app.models.rnn.bundle import Bundle
from composer_app.models.rnn.configs import ModelConfig, get_config
from composer_app.models.rnn.extraction import track_events
from composer_app.models.rnn.steering import PitchSteering
from composer_app.music.chords import chord_symbols
from composer_app.music.events import DrumTrack, Melody, drums_to_track, melody_to_track
from composer_app.music.song import DEFAULT_QPM, Song, TempoChange, Track
from composer_app.said import said


@dataclass(frozen=True)
class GenerateRequest:
    """Everything one generation needs. `primer` is Magenta events (melody ints or drum pitch sets) or a Track."""

    config_id: str
    total_steps: int
    primer: tuple | Track | None = None
    bundle: str | Path | Bundle | None = None  # None: the model's shipped bundle
    temperature: float = 1.0
    beam_size: int = 1
    branch_factor: int = 1
    steps_per_iteration: int = 1
    num_outputs: int = 1
    seed: int | None = None
    qpm: float = DEFAULT_QPM
    steering: PitchSteering | None = None
    avoid_primer_copy: bool = False
    chords: tuple[str, ...] | None = None  # Improv RNN: the chord symbol of every step, total_steps of them

    @property
    def config(self) -> ModelConfig:
        return get_config(self.config_id)


@dataclass(frozen=True)
class Candidate:
    index: int
    events: tuple = field(repr=False)
    song: Song = field(repr=False)
    log_likelihood: float = 0.0  # of the generated steps, as Magenta's beam search scores them


@dataclass(frozen=True)
class GenerationResult:
    request: GenerateRequest
    candidates: tuple[Candidate, ...]
    primer_steps: int
    seed: int
    seconds: float


def check_request(r: GenerateRequest) -> None:
    checks = [
        (r.total_steps > 0, said("the length must be at least one step, not {steps}").format(steps=r.total_steps)),
        (r.temperature > 0, said("the temperature must be above 0, not {temperature}").format(
            temperature=r.temperature)),
        (r.beam_size >= 1, said("beam_size must be at least 1, not {value}").format(value=r.beam_size)),
        (r.branch_factor >= 1, said("branch_factor must be at least 1, not {value}").format(value=r.branch_factor)),
        (r.steps_per_iteration >= 1, said("steps_per_iteration must be at least 1, not {value}").format(
            value=r.steps_per_iteration)),
        (1 <= r.num_outputs <= 1024, said("num_outputs must be between 1 and 1024, not {value}").format(
            value=r.num_outputs)),
        (r.qpm > 0, said("the tempo must be above 0 qpm, not {qpm}").format(qpm=r.qpm)),
    ]
    for ok, message in checks:
        if not ok:
            raise GenerationError(message)
    _check_chords(r)


def _check_chords(r: GenerateRequest) -> None:
    """Backing chords go with the models conditioned on them, one per step, each one the model can encode."""
    config = r.config
    if not config.needs_chords:
        if r.chords is not None:
            raise GenerationError(said("{model} does not take backing chords; an Improv RNN model does").format(
                model=config.id))
        return
    if not r.chords:
        raise GenerationError(said("{model} generates over backing chords; give them (one per step)").format(
            model=config.id), hint=said('On the command line use improv_rnn_generate, which takes '
                                        '--backing_chords="C G Am F" and --steps_per_chord.'))
    if len(r.chords) != r.total_steps:
        raise GenerationError(said("{chord_steps} backing chord steps do not cover the {steps} steps asked for; "
                                   "the chords set the length").format(chord_steps=len(r.chords), steps=r.total_steps))
    control = config.encoder().control_encoder
    for figure in dict.fromkeys(r.chords):
        # Raises ChordSymbolError or ChordEncodingError (a user's error) for a chord the model cannot take.
        control.events_to_input([figure], 0)


def primer_events(request: GenerateRequest) -> list:
    """The primer as Magenta events; an empty primer becomes Magenta's default (middle C, or a kick)."""
    config = request.config
    primer = request.primer
    events = track_events(primer, config) if isinstance(primer, Track) else list(primer or ())
    if not events:
        events = [frozenset({36})] if config.is_drums else [60]
    if config.is_drums:
        return [frozenset(int(p) for p in e) for e in events]
    return [int(e) for e in events]


def make_candidate(config: ModelConfig, index: int, events: list, transpose: int, qpm: float,
                   loglik: float, chords: Sequence[str] = ()) -> Candidate:
    """A candidate from its events (in the model's key): transposed back, and as a one-track song (with the
    backing chords as its chord symbols, for Improv RNN)."""
    if config.is_melody:
        melody = Melody(events, steps_per_quarter=config.steps_per_quarter)
        melody.transpose(-transpose)
        track = melody_to_track(melody, name=f"{config.title} #{index + 1}")
        events = list(melody)
    else:
        drums = DrumTrack(events, steps_per_quarter=config.steps_per_quarter)
        track = drums_to_track(drums, name=f"{config.title} #{index + 1}")
    symbols = chord_symbols(chords, config.steps_per_quarter) if chords else ()
    song = Song(tracks=(track,), tempos=(TempoChange(0, float(qpm)),), chords=symbols)
    return Candidate(index, tuple(events), song, loglik)


def events_to_song(config: ModelConfig, events: Sequence, qpm: float = DEFAULT_QPM) -> Song:
    """A one-track song playing Magenta events of this config."""
    if config.is_melody:
        track = melody_to_track(Melody(events, steps_per_quarter=config.steps_per_quarter))
    else:
        track = drums_to_track(DrumTrack([frozenset(e) for e in events], steps_per_quarter=config.steps_per_quarter))
    return Song(tracks=(track,), tempos=(TempoChange(0, float(qpm)),))
