"""Finding the output device: clear reasons when there is none, and real PortAudio playback into ALSA's null device."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from composer_app.audio.output import FakeOutput, probe_output

ROOT = Path(__file__).resolve().parents[2]


def test_missing_portaudio_is_explained(monkeypatch):
    """If PortAudio cannot be loaded, the reason names the Debian package to install."""
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    info = probe_output()
    assert not info.available and "libportaudio2" in info.reason


def test_no_default_device_is_explained(monkeypatch):
    """If PortAudio lists no output device, the reason says so."""
    fake = types.SimpleNamespace(query_devices=lambda kind=None: (_ for _ in ()).throw(ValueError("no device")))
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    info = probe_output()
    assert not info.available and info.reason == "no audio output device was found"


def test_fake_output_hands_blocks_to_the_callback():
    """The fake device calls the fill callback block by block and can keep what it received."""
    out = FakeOutput(keep=True)
    out.open(44100, 256, lambda buf: buf.fill(7))
    out.start()
    audio = out.pull(3)
    assert audio.shape == (768, 2) and (audio == 7).all()
    assert out.frames_consumed == 768 and len(out.captured) == 3
    assert out.first_block_at is not None


PLAY_THROUGH_PORTAUDIO = """
import json, time
from composer_app.audio.output import probe_output
from composer_app.audio.player import Player
from composer_app.music.song import Note, Song, Track
info = probe_output()
if not info.available:
    print(json.dumps({"available": False, "reason": info.reason}))
    raise SystemExit(0)
song = Song(tracks=(Track(notes=tuple(Note(i * 480, 60 + i, 400) for i in range(4))),))
player = Player()
player.set_song(song)
ok = player.prepare()
start = time.perf_counter()
player.play()
while player.last_play_latency is None and time.perf_counter() - start < 5:
    time.sleep(0.001)
first = player.last_play_latency
deadline = time.perf_counter() + 30
while player.state == "playing" and time.perf_counter() < deadline:
    time.sleep(0.01)
print(json.dumps({"available": ok, "state": player.state, "first_block_s": first,
                  "frames": player.frames_played, "error": player.callback_error}))
player.close()
"""


def test_plays_through_portaudio_into_alsa_null_device(fluidsynth_ok, null_alsa_env):
    """With ALSA's null device as default, a real sounddevice stream plays a song to its end."""
    result = subprocess.run([sys.executable, "-c", PLAY_THROUGH_PORTAUDIO], env=null_alsa_env,
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if not report["available"]:
        pytest.skip(f"PortAudio has no ALSA null device here: {report['reason']}")
    assert report["state"] == "stopped" and report["error"] == ""
    assert report["frames"] > 44100
    assert report["first_block_s"] < 0.5
