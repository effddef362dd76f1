"""`composer-app render` and `composer-app play`: files written, one-line errors, non-zero exits without a device."""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import pytest
from audio_songs import scale_song

from composer_app.cli.main import main
from composer_app.music.midi_io import write_midi
from composer_app.music.song import Song
from tests.audio.no_device import NO_DEVICE, without_output_device

pytestmark = pytest.mark.usefixtures("fluidsynth_ok")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scale_mid(tmp_path):
    return write_midi(scale_song(), tmp_path / "scale.mid")


def test_render_writes_a_wav_and_says_so(scale_mid, tmp_path, capsys):
    """render IN OUT.wav writes a playable WAV and prints one summary line."""
    out = tmp_path / "scale.wav"
    assert main(["render", str(scale_mid), str(out)]) == 0
    with wave.open(str(out)) as wav:
        assert wav.getnframes() / wav.getframerate() >= scale_song().duration_seconds
    printed = capsys.readouterr().out.strip()
    assert printed.startswith(f"Wrote {out}") and "44100 Hz" in printed and len(printed.splitlines()) == 1


def test_render_accepts_musicxml(tmp_path):
    """Any readable format renders: a MusicXML file written by music21."""
    import music21

    stream = music21.stream.Stream([music21.note.Note("C4", quarterLength=1), music21.note.Note("E4")])
    xml = tmp_path / "two.musicxml"
    stream.write("musicxml", fp=str(xml))
    assert main(["render", str(xml), str(tmp_path / "two.wav")]) == 0


def test_render_with_a_bad_soundfont_warns_and_falls_back(scale_mid, tmp_path, capsys):
    """A broken --soundfont gives a one-line warning naming it, and the default font renders the file."""
    bad = tmp_path / "broken.sf2"
    bad.write_text("not a soundfont")
    assert main(["render", str(scale_mid), str(tmp_path / "out.wav"), "--soundfont", str(bad)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("composer-app: warning: SoundFont") and str(bad) in err and "instead" in err


@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        (lambda d, mid: ["render", str(d / "missing.mid"), str(d / "o.wav")], "no such file"),
        (lambda d, mid: ["render", str(mid), str(d / "o.mp3")], ".wav or .flac"),
        (lambda d, mid: ["render", str(mid), str(d / "no" / "o.wav")], "cannot write"),
    ],
    ids=["missing-input", "bad-suffix", "missing-folder"],
)
def test_render_user_errors_are_one_line(scale_mid, tmp_path, capsys, make_args, message):
    """User mistakes print one `composer-app: error:` line and exit 1."""
    assert main(make_args(tmp_path, scale_mid)) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("composer-app: error:") and message in err and len(err.splitlines()) == 1


def test_render_refuses_an_empty_song(tmp_path, capsys):
    """A file with no notes is an error, not a silent WAV."""
    empty = write_midi(Song(), tmp_path / "empty.mid")
    assert main(["render", str(empty), str(tmp_path / "o.wav")]) == 1
    assert "no notes" in capsys.readouterr().err


def test_play_without_a_device_fails_with_one_line(scale_mid, monkeypatch, capsys):
    """With no audio device, play prints one clear line with the probe's reason pointing at render, exits 1."""
    without_output_device(monkeypatch)
    assert main(["play", str(scale_mid)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"composer-app: error: cannot play sound: {NO_DEVICE}; "
                   "`composer-app render` can write a WAV file instead")


def test_play_runs_to_the_end_on_a_null_device(scale_mid, null_alsa_env):
    """Through ALSA's null device the play command plays the whole file and exits 0."""
    result = subprocess.run([sys.executable, "-m", "composer_app", "play", str(scale_mid)], cwd=ROOT,
                            env=null_alsa_env, capture_output=True, text=True, timeout=120)
    if "no audio output device" in result.stderr:
        pytest.skip("PortAudio has no ALSA null device here")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Playing {scale_mid}")
