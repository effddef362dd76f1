"""Audio speed: rendering a 3-minute 4-track song to WAV, press-play to first block at the device, CPU while playing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer_app.audio.output import FakeOutput  # noqa: E402
from composer_app.audio.player import PLAYING, Player  # noqa: E402
from composer_app.audio.render import render_to_file  # noqa: E402
from composer_app.music.song import PPQ, Note, Song, TempoChange, Track, drum_track  # noqa: E402


def four_track_song(minutes: float = 3.0, qpm: float = 120.0) -> Song:
    """Melody in eighths, sustained triads, a quarter-note bass and a rock beat: a typical dense arrangement."""
    bars = int(minutes * qpm / 4)
    melody, chords, bass, drums = [], [], [], []
    progression = [(60, 64, 67), (57, 60, 64), (53, 57, 60), (55, 59, 62)]
    for bar in range(bars):
        root = bar * 4 * PPQ
        triad = progression[bar % 4]
        for i, p in enumerate((72, 74, 76, 79, 77, 76, 74, 72)):
            melody.append(Note(root + i * PPQ // 2, p, PPQ // 2 - 20, 90))
        chords.extend(Note(root, p, 4 * PPQ - 40, 70) for p in triad)
        for beat in range(4):
            bass.append(Note(root + beat * PPQ, triad[0] - 24, PPQ - 40, 100))
        for eighth in range(8):
            t = root + eighth * PPQ // 2
            drums.append(Note(t, 42, 120, 80))
            if eighth in (0, 4):
                drums.append(Note(t, 36, 120, 110))
            if eighth in (2, 6):
                drums.append(Note(t, 38, 120, 105))
    return Song(tracks=(Track("Melody", 0, notes=melody), Track("Strings", 48, channel=1, notes=chords),
                        Track("Bass", 33, channel=2, notes=bass), drum_track(notes=drums)),
                tempos=(TempoChange(0, qpm),))


def bench_render() -> None:
    song = four_track_song(3.0)
    with tempfile.TemporaryDirectory() as folder:
        start, cpu = time.perf_counter(), time.process_time()
        rendered = render_to_file(song, Path(folder) / "song.wav")
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"render to WAV: {rendered.seconds:.0f} s of 4-track audio ({song.note_count} notes) in {elapsed:.2f} s "
          f"= {rendered.seconds / elapsed:.0f}x real time, {cpu:.2f} s of CPU (target: 3-minute song in <= 3 s) "
          f"[{rendered.soundfont.name}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores]")


def bench_play_latency(repeats: int = 5) -> None:
    """Press play to the first block of song audio taken by the device callback, on the fake real-time device."""
    song = four_track_song(0.5)
    out = FakeOutput(realtime=True)
    player = Player(output=out)
    player.set_song(song)
    player.prepare()
    cold, warm = [], []
    for _ in range(repeats):
        player.stop()
        time.sleep(0.05)  # the stop's fade-out is rendered and heard
        player.release_device()  # a stopped device, as after a quiet while
        player.play()
        _wait(lambda: player.last_play_latency is not None)
        cold.append(player.last_play_latency)
        time.sleep(0.1)
        player.pause()
        time.sleep(0.1)  # the device keeps running through short pauses
        player.play()
        _wait(lambda: player.last_play_latency is not None)
        warm.append(player.last_play_latency)
    player.close()
    print(f"press play to first block at the callback (fake device): stopped device {_ms(cold)}, "
          f"running device {_ms(warm)} (target <= 100 ms)")


def bench_play_latency_portaudio() -> None:
    """The same through a real PortAudio stream on ALSA's null device (run in a child with its own ALSA config)."""
    with tempfile.TemporaryDirectory() as folder:
        conf = Path(folder) / "alsa"
        conf.mkdir()
        (conf / "asoundrc").write_text("pcm.!default { type null }\n")
        env = {**os.environ, "XDG_CONFIG_HOME": folder}
        result = subprocess.run([sys.executable, __file__, "--portaudio-child"], env=env, capture_output=True,
                                text=True, timeout=120)
    if result.returncode != 0:
        print(f"press play through PortAudio: failed ({result.stderr.strip().splitlines()[-1:]})")
        return
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if "skipped" in report:
        print(f"press play through PortAudio: skipped ({report['skipped']})")
    else:
        print(f"press play to first block at the callback (PortAudio, ALSA null device): {_ms(report['cold'])} "
              f"(stream open included: {report['prepare_ms']:.0f} ms once, at start-up)")


def _portaudio_child() -> None:
    player = Player()
    start = time.perf_counter()
    if not player.prepare():
        print(json.dumps({"skipped": player.unavailable_reason}))
        return
    prepare_ms = (time.perf_counter() - start) * 1000
    player.set_song(four_track_song(0.1))
    cold = []
    for _ in range(3):
        player.play()
        _wait(lambda: player.last_play_latency is not None)
        cold.append(player.last_play_latency)
        player.stop()
        time.sleep(0.05)
        player.release_device()
    player.close()
    print(json.dumps({"cold": cold, "prepare_ms": prepare_ms}))


def bench_cpu(seconds: float = 10.0) -> None:
    """CPU time of the whole process (render-ahead thread and device callback) while a 4-track song plays."""
    song = four_track_song(1.0)
    out = FakeOutput(realtime=True)
    player = Player(output=out)
    player.set_song(song)
    player.prepare()
    player.play()
    time.sleep(0.5)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    time.sleep(seconds)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    playing = player.state == PLAYING
    underruns = player.underruns
    player.close()
    print(f"CPU while playing 4 tracks: {cpu / wall:.2f} of one core over {wall:.0f} s "
          f"({'still playing' if playing else 'STOPPED EARLY'}, {underruns} underruns)")


def _wait(condition, timeout: float = 5.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition() and time.perf_counter() < deadline:
        time.sleep(0.0005)


def _ms(values) -> str:
    values = sorted(v * 1000 for v in values)
    return f"median {values[len(values) // 2]:.1f} ms, worst {values[-1]:.1f} ms"


if __name__ == "__main__":
    if "--portaudio-child" in sys.argv:
        _portaudio_child()
    else:
        bench_render()
        bench_play_latency()
        bench_play_latency_portaudio()
        bench_cpu()
