"""`composer-app --selftest`: check an installation headless, one line a check, exit 0 only when all pass.

It opens the real main window and generates in it, loads and runs every shipped model, renders a second of audio
through FluidSynth, loads PortAudio and writes a MIDI file, so a user (or CI, on the packaged app) can tell what
works. It runs in a throwaway settings and recovery folder, so the user's own are neither read nor changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from composer_app import APP_NAME, RESOURCE_DIR, __version__

PROBE_STEPS = 32  # two bars of sixteenth steps: enough to show a model runs, quick on any machine
PROBE_CHORDS = ("C", "G")

# One bar of C4 E4 G4 C5 quarter notes: the smallest score that shows music21 reads MusicXML.
MUSICXML = """<?xml version="1.0" encoding="UTF-8"?>
<score-partwise version="3.1"><part-list><score-part id="P1"><part-name>Piano</part-name></score-part></part-list>
<part id="P1"><measure number="1"><attributes><divisions>1</divisions><time><beats>4</beats><beat-type>4</beat-type>
</time></attributes>""" + "".join(
    f"<note><pitch><step>{step}</step><octave>{octave}</octave></pitch><duration>1</duration><type>quarter</type></note>"
    for step, octave in (("C", 4), ("E", 4), ("G", 4), ("C", 5))) + "</measure></part></score-partwise>"


def process_age() -> float | None:
    """Seconds since this process started (Linux, from /proc), so the start-up figure includes the interpreter's
    own start (and, packaged, the bootloader's); None elsewhere."""
    try:
        with open("/proc/self/stat") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])  # field 22, starttime
        with open("/proc/uptime") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def reason(exc: BaseException) -> str:
    from composer_app.errors import ComposerError, user_message

    if isinstance(exc, ComposerError):
        return user_message(exc)
    return f"{type(exc).__name__}: {exc}"


def probe_drums():
    """Two bars of a flat, quantized rock beat (kick, snare, closed hat) for a GrooVAE to regroove."""
    from composer_app.music.song import PPQ, Note, drum_track

    sixteenth = PPQ // 4
    notes = [Note(step * 2 * sixteenth, 42, sixteenth, 80) for step in range(16)]
    notes += [Note(beat * PPQ, 36 if beat % 2 == 0 else 38, sixteenth, 80) for beat in range(8)]
    return drum_track(notes=sorted(notes, key=lambda n: (n.start, n.pitch)))


def timed_probe(bundle) -> tuple:
    """A Polyphony or Performance RNN bundle run as its Generate tab runs it, after a C major chord held for a bar:
    two bars of 16ths, or two seconds of performance. The song it made, and what that was in words."""
    from composer_app.models.rnn.timed_jobs import performance_job, poly_continue_job
    from composer_app.music.song import PPQ, Note, Song, Track

    bar = 4 * PPQ
    primer = [Note(0, pitch, bar, 80) for pitch in (60, 64, 67)]
    sampling = {"num_outputs": 1, "temperature": 1.0, "seed": 1}
    if bundle.config.family == "polyphony":
        job, what = poly_continue_job(bundle, primer, 0, bar, PROBE_STEPS, sampling), f"{PROBE_STEPS} steps"
    else:
        controls = {"notes_per_second": 8.0, "pitch_class_histogram": [1.0] * 12}
        job, what = performance_job(bundle, Song(), primer, 0, bar, 2.0, controls, sampling), "2 s"
    outcome = job.run(lambda *_progress: None, lambda: False)
    return Song(tracks=(Track("Piano", notes=tuple(sorted(outcome.outputs[0]))),)), what


class SelfTest:
    """The checks, run in order; each prints `ok NAME: detail` or `FAILED NAME: reason`."""

    def __init__(self, folder: Path, screenshot: Path | None, load_commands: Callable[[], list[str]]):
        self.folder = folder
        self.load_commands = load_commands
        self.screenshot = screenshot
        self.failed: list[str] = []
        self.passed = 0
        self.songs: list = []  # what the models generated, for the MIDI check
        self.window_checks = None

    def check(self, name: str, run: Callable[[], str]) -> None:
        try:
            detail = run()
        except Exception as exc:  # every failure is reported as a line; the remaining checks still run
            self.failed.append(name)
            print(f"FAILED {name}: {reason(exc)}", flush=True)
        else:
            self.passed += 1
            print(f"ok {name}: {detail}", flush=True)

    def commands(self) -> str:
        names = self.load_commands()  # imports every command's module, as `composer-app COMMAND` does
        return f"{len(names)} commands load: {', '.join(names)}"

    def open_window(self) -> str:
        from composer_app.gui.shell.selftest_window import WindowChecks  # Qt loads here, inside the check

        self.window_checks = WindowChecks(process_age, self.screenshot)
        return self.window_checks.open_window()

    def window(self):
        if self.window_checks is None:
            raise RuntimeError("Qt did not load (see the window check)")
        return self.window_checks

    # -- the core ----------------------------------------------------------------------------------------------
    def model(self, path: Path) -> str:
        from composer_app.models.rnn.bundle import read_bundle
        from composer_app.models.rnn.generator import generate
        from composer_app.models.rnn.requests import GenerateRequest

        started = time.perf_counter()
        bundle = read_bundle(path)
        if bundle.config.family in ("polyphony", "performance"):
            song, what = timed_probe(bundle)
        else:
            # Improv RNN plays over chords: C then G, a bar each.
            chords = tuple(PROBE_CHORDS[step * len(PROBE_CHORDS) // PROBE_STEPS] for step in range(PROBE_STEPS)) \
                if bundle.config.needs_chords else None
            result = generate(GenerateRequest(config_id=bundle.config.id, bundle=bundle, total_steps=PROBE_STEPS,
                                              seed=1, chords=chords))
            song, what = result.candidates[0].song, f"{PROBE_STEPS} steps"
        self.songs.append(song)
        notes = sum(len(t.notes) for t in song.tracks)
        return f"{path.name} loaded and generated {what} ({notes} notes) in {time.perf_counter() - started:.2f} s"

    def vae(self, shipped) -> str:
        """Load a shipped MusicVAE checkpoint as its config and decode one clip (GrooVAE: regroove a bar of hits)."""
        from composer_app.models.musicvae.studio import GrooveRequest, LoadRequest, SampleRequest

        started = time.perf_counter()
        loaded = LoadRequest(str(shipped.path), shipped.config_id).run(lambda *_: None, lambda: False)
        if loaded.model.control_depth or loaded.config.kind == "groove":
            request = GrooveRequest(loaded, probe_drums(), 2, 0.5, 1)
        else:
            request = SampleRequest(loaded, 1, 0.5, 1)
        result = request.run(lambda *_: None, lambda: False)
        song = result.songs[0]
        self.songs.append(song)
        notes = sum(len(t.notes) for t in song.tracks)
        return (f"{shipped.path.name} loaded as {loaded.config.id} and decoded a clip ({notes} notes) in "
                f"{time.perf_counter() - started:.2f} s")

    def render(self) -> str:
        import numpy as np

        from composer_app.audio.render import render_song
        from composer_app.music.song import PPQ, Note, Song, Track

        one_second = 2 * PPQ  # at the default 120 quarter notes a minute
        chord = tuple(Note(0, pitch, one_second, 100) for pitch in (60, 64, 67))
        rendered = render_song(Song(tracks=(Track("Piano", notes=chord),)))
        peak = int(np.abs(rendered.audio.astype(np.int32)).max()) if len(rendered.audio) else 0
        if rendered.seconds < 1.0 or peak == 0:
            raise RuntimeError(f"rendered {rendered.seconds:.2f} s with peak {peak}: silence")
        import fluidsynth

        return (f"{rendered.seconds:.1f} s (one second and the release) with {rendered.soundfont.name}, peak "
                f"{peak / 32767:.2f}, FluidSynth from {getattr(fluidsynth, 'lib', '?')}")

    def portaudio(self) -> str:
        import sounddevice

        version = sounddevice.get_portaudio_version()[1]
        try:
            outputs = sum(1 for d in sounddevice.query_devices() if d["max_output_channels"] > 0)
        except Exception:  # no sound system: the library still loaded, which is what this checks
            outputs = 0
        return f"{version} from {sounddevice._libname}, {outputs} output devices"

    def midi(self) -> str:
        from composer_app.music.midi_io import read_midi, write_midi

        if not self.songs:
            raise RuntimeError("no generated song to write (every model check failed)")
        song = self.songs[0]
        path = write_midi(song, self.folder / "selftest.mid")
        back = read_midi(path)
        wrote, read = sum(len(t.notes) for t in song.tracks), sum(len(t.notes) for t in back.tracks)
        if wrote != read:
            raise RuntimeError(f"wrote {wrote} notes to {path} but read back {read}")
        return f"wrote {path} ({path.stat().st_size} bytes) and read its {read} notes back"

    def musicxml(self) -> str:
        from composer_app.music.score_io import read_score

        path = self.folder / "selftest.musicxml"
        path.write_text(MUSICXML, encoding="utf-8")
        song = read_score(path)
        pitches = [n.pitch for t in song.tracks for n in t.notes]
        if pitches != [60, 64, 67, 72]:
            raise RuntimeError(f"read the pitches {pitches} from a score of C4 E4 G4 C5")
        return "read a one-bar score through music21"

    def training(self) -> str:
        import importlib.metadata
        import importlib.util

        if importlib.util.find_spec("tensorflow") is None:
            return "not in this build (TensorFlow is left out); generation does not need it"
        for dist in ("tensorflow-cpu", "tensorflow"):
            try:
                return f"TensorFlow {importlib.metadata.version(dist)} is installed"
            except importlib.metadata.PackageNotFoundError:
                continue
        return "TensorFlow is installed"

    def run(self) -> int:
        print(f"{APP_NAME} {__version__} self-test ({'packaged' if getattr(sys, 'frozen', False) else 'from source'}"
              f", Python {sys.version.split()[0]}, {sys.platform})", flush=True)
        self.check("window", self.open_window)  # first, so that its start-up figure is the app's own
        self.check("generate in the window", lambda: self.window().generate_in_window())
        self.check("translations", lambda: self.window().translations())
        self.check("commands", self.commands)
        for path in sorted((RESOURCE_DIR / "bundles").glob("*.mag")):
            self.check(f"model {path.stem}", lambda path=path: self.model(path))
        from composer_app.models.musicvae.shipped import shipped_vaes

        for shipped in shipped_vaes():
            self.check(f"MusicVAE {shipped.config_id}", lambda shipped=shipped: self.vae(shipped))
        self.check("audio render", self.render)
        self.check("audio output library", self.portaudio)
        self.check("MIDI file", self.midi)
        self.check("MusicXML", self.musicxml)
        self.check("training", self.training)
        if self.window_checks is not None:
            self.window_checks.close()
        total = self.passed + len(self.failed)
        if self.failed:
            print(f"selftest: {len(self.failed)} of {total} checks FAILED: {', '.join(self.failed)}", flush=True)
            return 1
        print(f"selftest: all {total} checks passed", flush=True)
        return 0


def run_selftest(screenshot: Path | None, load_commands: Callable[[], list[str]]) -> int:
    """Run every check in a throwaway settings folder; 0 when all passed."""
    with tempfile.TemporaryDirectory(prefix="composer-selftest-") as tmp:
        os.environ["COMPOSER_CONFIG_DIR"] = tmp  # gui.shell.settings.CONFIG_DIR_ENV
        os.environ["COMPOSER_RECOVERY_DIR"] = tmp  # gui.project.autosave.RECOVERY_DIR_ENV
        return SelfTest(Path(tmp), screenshot, load_commands).run()
