"""Offline rendering to files: valid WAV, faster than real time, clear errors, atomic writes, cancellation."""

from __future__ import annotations

import sys
import wave

import numpy as np
import pytest
from audio_songs import four_track_song, scale_song

from composer_app.audio.errors import AudioError, RenderCancelled
from composer_app.audio.render import render_song, render_to_file, write_audio

pytestmark = pytest.mark.usefixtures("fluidsynth_ok")


def test_wav_file_holds_the_rendered_audio(tmp_path):
    """The WAV is 16-bit stereo at the render's rate, and its samples are the rendered ones."""
    song = scale_song()
    out = tmp_path / "scale.wav"
    rendered = render_to_file(song, out)
    with wave.open(str(out)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (2, 2, 44100)
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").reshape(-1, 2)
    assert np.array_equal(data, rendered.audio)
    assert wav.getnframes() / 44100 >= song.duration_seconds


def test_other_sample_rates_are_honoured(tmp_path):
    """Rendering at 48 kHz writes a 48 kHz file of the same length in seconds."""
    song = scale_song()
    out = tmp_path / "scale48.wav"
    rendered = render_to_file(song, out, sample_rate=48000)
    with wave.open(str(out)) as wav:
        assert wav.getframerate() == 48000
    assert rendered.seconds >= song.duration_seconds


def test_a_long_four_track_song_renders_whole():
    """A 32-second four-track song renders to its full length with every track sounding (speed: bench_audio.py)."""
    song = four_track_song(16)
    rendered = render_song(song)
    assert rendered.seconds >= song.duration_seconds
    quarter = len(rendered.audio) // 4
    assert all(np.abs(rendered.audio[i * quarter:(i + 1) * quarter]).max() > 0 for i in range(4))


def test_four_tracks_stay_below_clipping():
    """The default gain leaves headroom: a dense four-track song does not hit full scale."""
    audio = render_song(four_track_song(4)).audio
    assert 4000 < np.abs(audio).max() < 32000


def test_unsupported_suffix_is_refused_before_rendering(tmp_path):
    """An .mp3 target is refused at once with a message naming the formats."""
    with pytest.raises(AudioError, match=r"\.wav or \.flac"):
        render_to_file(scale_song(), tmp_path / "out.mp3")


def test_flac_without_soundfile_says_what_to_install(tmp_path, monkeypatch):
    """Without the soundfile package, asking for FLAC names the package and suggests WAV."""
    monkeypatch.setitem(sys.modules, "soundfile", None)
    with pytest.raises(AudioError, match="soundfile"):
        render_to_file(scale_song(), tmp_path / "out.flac")


def test_flac_is_written_when_soundfile_is_available(tmp_path):
    """With soundfile installed, a .flac target gets FLAC audio that reads back the same."""
    soundfile = pytest.importorskip("soundfile")
    out = tmp_path / "scale.flac"
    rendered = render_to_file(scale_song(), out)
    data, rate = soundfile.read(str(out), dtype="int16")
    assert rate == 44100 and np.array_equal(data, rendered.audio)


def test_unwritable_folder_is_a_clear_error_and_leaves_no_temp_file(tmp_path):
    """Writing into a missing folder fails with AudioError, and nothing half-written is left behind."""
    rendered = render_song(scale_song())
    with pytest.raises(AudioError, match="cannot write"):
        write_audio(rendered, tmp_path / "missing" / "x.wav")
    assert list(tmp_path.iterdir()) == []


def test_progress_reports_and_can_cancel(tmp_path):
    """Progress rises to 1; returning False from it cancels and writes nothing."""
    seen = []
    render_song(scale_song(), progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    out = tmp_path / "cancelled.wav"
    with pytest.raises(RenderCancelled):
        render_to_file(scale_song(), out, progress=lambda f: False)
    assert not out.exists()


def test_a_song_of_days_is_refused_before_any_audio_is_made():
    """At 3.58 qpm a long song lasts days: rendering says so instead of allocating the audio."""
    from composer_app.music.song import PPQ, Note, Song, TempoChange, Track

    song = Song(tracks=(Track(notes=(Note(0, 60, PPQ), Note(4000 * PPQ, 62, PPQ))),), tempos=(TempoChange(0, 3.58),))
    with pytest.raises(AudioError, match="hours; rendering stops at 3 hours"):
        render_song(song)
