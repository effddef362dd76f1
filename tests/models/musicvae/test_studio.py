"""The app's MusicVAE tool requests: loading, sampling, regrooving a span and interpolating, with progress and cancel."""

from __future__ import annotations

import pytest

from composer_app.models.errors import GenerationCancelled, GenerationError
from composer_app.models.musicvae.configs import get_config
from composer_app.models.musicvae.studio import (
    GrooveRequest,
    InterpolateRequest,
    LoadedVae,
    SampleRequest,
    VariationsRequest,
    checkpoint_name,
    look_alikes,
    looks_like_checkpoint,
)
from composer_app.music.song import Note, Song, Track, drum_track
from tests.models.musicvae.conftest import random_vae

STEP = 240


def _loaded(config_id: str) -> LoadedVae:
    return LoadedVae(f"{config_id}.tar", random_vae(config_id), get_config(config_id))


def _never() -> bool:
    return False


def test_look_alikes_offer_the_groove_variants_but_not_small_and_big():
    """GrooVAE variants differ in the music they make, so they are a choice; small and big only in sizes."""
    alike = look_alikes(get_config("groovae_2bar_humanize"))
    assert alike[0] == "groovae_2bar_humanize"
    assert {"groovae_2bar_tap_fixed_velocity", "groovae_2bar_add_closed_hh", "groovae_4bar"} <= set(alike)
    assert look_alikes(get_config("cat-mel_2bar_small")) == ()


def test_checkpoint_names_and_dropped_paths(tmp_path):
    """A .tar and model.ckpt-N are checkpoints by name; a training folder by its checkpoint in train/
    (Magenta's) or checkpoints/ (this app's)."""
    assert checkpoint_name("/runs/mel/model.ckpt-10") == "mel"
    assert checkpoint_name("/x/cat-mel.tar") == "cat-mel.tar"
    assert looks_like_checkpoint("/x/cat-mel.tar") and not looks_like_checkpoint("/x/song.mid")
    run = tmp_path / "run"
    (run / "train").mkdir(parents=True)
    assert not looks_like_checkpoint(run)
    (run / "train" / "model.ckpt-5.index").write_bytes(b"")
    assert looks_like_checkpoint(run)
    ours = tmp_path / "ours"
    (ours / "checkpoints").mkdir(parents=True)
    (ours / "checkpoints" / "model.ckpt-5.index").write_bytes(b"")
    assert looks_like_checkpoint(ours)


def test_sample_is_repeatable_by_seed_and_reports_each_clip():
    """The same seed gives the same clips; progress counts clips; every clip is 2 bars of melody."""
    loaded = _loaded("cat-mel_2bar_small")
    seen = []
    first = SampleRequest(loaded, 3, 1.0, 7).run(lambda d, t: seen.append((d, t)), _never)
    again = SampleRequest(loaded, 3, 1.0, 7).run(lambda d, t: None, _never)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert first.songs == again.songs and len(first.songs) == 3
    assert all(n.end <= 32 * STEP for s in first.songs for t in s.tracks for n in t.notes)


def test_cancel_stops_between_clips():
    """A cancel seen between clips raises GenerationCancelled instead of finishing."""
    calls = iter([False, True])
    with pytest.raises(GenerationCancelled):
        SampleRequest(_loaded("cat-drums_2bar_small"), 4, 1.0, 1).run(lambda d, t: None, lambda: next(calls))


def test_hits_control_cannot_sample_from_nothing():
    """A hits control GrooVAE needs a drum part: Sample explains that instead of failing in the decoder."""
    with pytest.raises(GenerationError, match="hits"):
        SampleRequest(_loaded("groovae_2bar_hits_control_tfds"), 1, 1.0, 1).run(lambda d, t: None, _never)


def test_groove_keeps_the_span_and_stays_inside_it():
    """A 5-bar part comes back as 5 bars of notes, none reaching past its last bar; an empty part is refused."""
    notes = [Note(i * 2 * STEP, 42 if i % 2 else 36, STEP, 100) for i in range(40)]
    request = GrooveRequest(_loaded("groovae_2bar_humanize"), drum_track("Drums", notes), 5, 0.5, 3)
    (song,) = request.run(lambda d, t: None, _never).songs
    assert song.tracks[0].is_drum and song.tracks[0].notes
    assert all(n.start >= 0 and n.end <= 5 * 16 * STEP for n in song.tracks[0].notes)
    with pytest.raises(GenerationError):
        GrooveRequest(request.loaded, drum_track("Drums"), 2, 0.5, 3).run(lambda d, t: None, _never)


def test_interpolate_gives_both_ends_and_the_steps_between():
    """Interpolating two melodies gives the number of clips asked for."""
    def melody(pitches):
        return Song(tracks=(Track("M", notes=tuple(Note(i * 4 * STEP, p, 4 * STEP) for i, p in
                                                   enumerate(pitches))),))

    request = InterpolateRequest(_loaded("cat-mel_2bar_small"), melody([60, 62, 64, 65, 67, 65, 64, 62]),
                                 melody([72, 71, 69, 67, 65, 64, 62, 60]), 4, 0.5, 1)
    assert len(request.run(lambda d, t: None, _never).songs) == 4


def _melody(pitches):
    return Song(tracks=(Track("M", notes=tuple(Note(i * 4 * STEP, p, 4 * STEP) for i, p in enumerate(pitches))),))


def test_variations_at_full_similarity_repeat_the_clip_as_the_model_hears_it():
    """Similarity 1 decodes the clip's own z every time; lower similarity moves away, more so the lower it is."""
    loaded = _loaded("cat-mel_2bar_small")
    clip = _melody([60, 62, 64, 65, 67, 65, 64, 62])
    same = VariationsRequest(loaded, clip, 3, 1.0, 0.001, 5).run(lambda d, t: None, _never).songs
    assert same[0] == same[1] == same[2]
    other = VariationsRequest(loaded, clip, 3, 0.0, 0.001, 5).run(lambda d, t: None, _never).songs
    assert len(other) == 3 and len({s.tracks[0].notes for s in other}) > 1


def test_variations_refuse_groove_checkpoints_and_bad_similarity():
    """A GrooVAE cannot make variations here; a similarity outside 0..1 is a user's error."""
    with pytest.raises(GenerationError, match="do not make variations"):
        VariationsRequest(_loaded("groovae_2bar_humanize"), _melody([60]), 1, 0.5, 0.5, 1).run(
            lambda d, t: None, _never)
    with pytest.raises(GenerationError, match="similarity must be between"):
        VariationsRequest(_loaded("cat-mel_2bar_small"), _melody([60]), 1, 1.5, 0.5, 1).run(lambda d, t: None, _never)


def test_steered_melodies_use_only_the_allowed_pitches():
    """With C major pitches 60-72 allowed, every sampled note is one of them, at any temperature."""
    allowed = frozenset(p for p in range(60, 73) if p % 12 in (0, 2, 4, 5, 7, 9, 11))
    for temperature in (0.0, 1.5):
        songs = SampleRequest(_loaded("cat-mel_2bar_small"), 4, temperature, 3, pitches=allowed).run(
            lambda d, t: None, _never).songs
        pitches = {n.pitch for s in songs for t in s.tracks for n in t.notes}
        assert pitches and pitches <= allowed


def test_steering_with_nothing_playable_says_so():
    """A key and range with no pitch of the model's range is a user's error with a hint."""
    with pytest.raises(GenerationError, match="no pitch the model can play"):
        SampleRequest(_loaded("cat-mel_2bar_small"), 1, 1.0, 3, pitches=frozenset({5})).run(lambda d, t: None, _never)
