"""Tiny corpora and training requests for the run-folder and cache tests (a few seconds of training each)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from composer_app.models.training.loop import TrainingRequest
from composer_app.music.events import melody_to_track
from composer_app.music.io import write_song
from composer_app.music.song import PPQ, Note, Song, drum_track

TINY = "batch_size=4,rnn_layer_sizes=[8],dropout_keep_prob=1.0"


def tune(seed: int, bars: int = 8) -> list[int]:
    """A stepwise melody of quarter notes (steps_per_quarter 4) in C major."""
    rng = np.random.default_rng(seed)
    events = []
    for _ in range(bars * 4):
        events += [int(rng.choice([60, 62, 64, 65, 67, 69, 71, 72])), -2, -2, -2]
    return events


def write_tunes(folder: Path, count: int, start_seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"tune{i}.mid"
        write_song(Song(tracks=(melody_to_track(tune(start_seed + i)),)), path)
        paths.append(path)
    return paths


def write_beat(path: Path, bars: int = 8, variant: int = 0) -> Path:
    """A kick, snare and hi-hat pattern (chords of drums, so events are sets of pitches); `variant` changes the
    hi-hat's velocity only, so files differ in content (the held-out split keys on it) and not in music."""
    notes = []
    for beat in range(bars * 4):
        notes += [Note(beat * PPQ, 42, 120, 80 - variant % 40),
                  Note(beat * PPQ, 36 if beat % 2 == 0 else 38, 120, 100)]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_song(Song(tracks=(drum_track(notes=notes),)), path)
    return path


def request(tmp_path: Path, corpus: Path, **kw) -> TrainingRequest:
    args = dict(config_id="basic_rnn", output=tmp_path / "out.mag", inputs=(corpus,), hparams=TINY, steps=4,
                eval_ratio=0.3, eval_every=2, report_every=1, checkpoint_every=2, cache_dir=tmp_path / "cache")
    args.update(kw)
    return TrainingRequest(**args)
