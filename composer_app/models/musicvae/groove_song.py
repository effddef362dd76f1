"""GrooVAE on a whole song of any length: cut into the config's windows, encode and decode each, stitch them back."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from composer_app.models.errors import ModelError
from composer_app.models.musicvae.configs import VaeConfig
from composer_app.models.musicvae.converters import STEPS_PER_QUARTER
from composer_app.models.musicvae.groove import GrooveConverter
from composer_app.models.musicvae.model import MusicVae
from composer_app.music.song import PPQ, Note, Song, drum_track
from composer_app.said import said

BATCH = 64  # windows decoded together: the work is the same, the memory stays small for a long song


@dataclass(frozen=True)
class GrooveResult:
    """The regrooved song, how many windows it took, and the input's drum pitches outside the model's map."""

    song: Song
    windows: int
    unmapped_pitches: tuple[int, ...]


def steps_to_notes(tensor: np.ndarray, converter: GrooveConverter) -> list[Note]:
    """Notes of a [steps, 27] GrooVAE output at the song's own grid (tempo-free ticks): Magenta's from_tensors
    (a hit > 0.5, velocity round(v * 127), start (step - offset / 2) 16ths, one 16th long), a start before 0 moved
    to 0, and velocity at least 1 because a MIDI note-on of velocity 0 is a note-off and the hit would vanish."""
    step_ticks = PPQ // STEPS_PER_QUARTER
    drums = converter.num_classes
    hits, velocities, offsets = tensor[:, :drums], tensor[:, drums:2 * drums], tensor[:, 2 * drums:]
    notes = []
    for step, drum in zip(*np.nonzero(hits > 0.5)):
        velocity = int(np.clip(np.round(velocities[step, drum] * 127), 1, 127))
        offset = float(np.clip(offsets[step, drum] / 2, -0.5, 0.5))
        start = max(0, round((int(step) - offset) * step_ticks))
        notes.append(Note(start, converter.pitch_classes[drum][0], step_ticks, velocity))
    return sorted(notes)


def keeps_hits(config: VaeConfig) -> bool:
    """Whether the config's output is meant to have its input's hits (humanize, hits control, the 4-bar
    model), so that they can be kept; tap2drum and add-hi-hat change the hits by design."""
    options = config.converter().options
    return config.kind == "groove" and not options.tapify and not options.add_instruments


def regroove(model: MusicVae, config: VaeConfig, song: Song, temperature: float = 0.5,
             rng: np.random.Generator | None = None, keep_hits: bool = False) -> GrooveResult:
    """The song's drums through a GrooVAE config (humanize, tap to drums, add a closed hi-hat, hits control, the
    4-bar model): windows of the config's length a window apart, the last padded with silent steps; each is
    encoded to its mu and decoded (hits control: with that window's hits as the controls); the outputs are joined
    and cut to the input's bars. Pitched tracks, tempo and metre are kept; the drum tracks become one.

    NoMusicError (from the converter) for a song without mapped drum notes, a metre other than 4/4 or tempo
    changes; ModelError for a config that is not a GrooVAE.

    `keep_hits` decodes with the input's hits in place of the model's (keeps_hits configs): only the timing and
    the dynamics change, and the temperature has no say."""
    if config.kind != "groove":
        raise ModelError(said("{config} is not a GrooVAE config; regrooving needs one (groovae_...)").format(
            config=config.id))
    if keep_hits and not keeps_hits(config):
        raise ModelError(said("{config} changes the hits by design, so it cannot keep them").format(config=config.id),
                         hint=said("Keep the hits with a humanize GrooVAE."))
    converter = config.converter()
    steps = len(converter.grid(song)[0])
    windows = converter.to_windows(song, pad_last=True)
    length = converter.slice_steps
    outputs = []
    for i in range(0, len(windows), BATCH):
        part = slice(i, i + BATCH)
        controls = None if windows.controls is None else windows.controls[part]
        mu, _ = model.encode(windows.inputs[part], list(windows.lengths[part]), controls)
        hits = windows.outputs[part][:, :, :converter.num_classes] if keep_hits else None
        outputs.append(model.decode_groove(mu, length, temperature, rng, controls, hits))
    joined = np.concatenate(outputs).reshape(-1, converter.output_depth)[:steps]
    drums = [t for t in song.tracks if t.is_drum]
    track = drum_track(drums[0].name if drums else "Drums", steps_to_notes(joined, converter))
    pitched = tuple(t for t in song.tracks if not t.is_drum)
    mapped = converter.pitch_class
    unmapped = sorted({n.pitch for t in drums for n in t.notes if n.pitch not in mapped})
    return GrooveResult(song.with_tracks((*pitched, track)), len(windows), tuple(unmapped))
