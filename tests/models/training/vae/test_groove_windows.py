"""GrooVAE training data: TFDS's 2-bar chunks, Magenta's training-mode groove grid, the variants' encoder inputs,
the Groove MIDI Dataset's split, and (with the reference venv) Magenta's own windows of real performances."""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from composer_app.models.musicvae.configs import get_config
from composer_app.models.training.corpus import SourceFile
from composer_app.models.training.vae.gmd import gmd_row, two_bar_chunks
from composer_app.models.training.vae.groove_grid import chunk_grid, windows_of
from composer_app.models.training.vae.groove_windows import GrooveWindowSet, file_groove_windows, groove_sides
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[4]
MAGENTA_VENV = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))
BPM = 120  # a 16th is 0.125 s, a bar 2 s


def _write_midi(path: Path, notes, numerator: int = 4, qpm: float = BPM) -> Path:
    """A drum MIDI file of (pitch, start s, end s, velocity) notes."""
    import pretty_midi

    pm = pretty_midi.PrettyMIDI(initial_tempo=qpm)
    pm.time_signature_changes.append(pretty_midi.TimeSignature(numerator, 4, 0.0))
    drums = pretty_midi.Instrument(0, is_drum=True)
    drums.notes = [pretty_midi.Note(velocity, pitch, start, end) for pitch, start, end, velocity in notes]
    pm.instruments.append(drums)
    pm.write(str(path))
    return path


def _info(folder: Path, rows) -> None:
    """An info.csv as the Groove MIDI Dataset's, for (file name, split) rows at 120 bpm in 4/4."""
    lines = ["drummer,session,id,style,bpm,beat_type,time_signature,midi_filename,audio_filename,duration,split"]
    lines += [f"d,s,{name},rock,{BPM},beat,4-4,{name},,8.0,{split}" for name, split in rows]
    (folder / "info.csv").write_text("\n".join(lines) + "\n")


def test_chunks_are_two_bars_a_bar_apart_with_notes_inside(tmp_path):
    """TFDS cuts round(end / bar) bars into 2-bar chunks a bar apart, shifted to start at 0; a note must start and
    end inside a chunk to be kept: a snare played 10 ms before bar 3 and ringing past it is only in the chunk of
    bars 2 and 3, and the chunk starting at bar 3 loses it."""
    notes = [(36, bar * 2.0, bar * 2.0 + 0.1, 100) for bar in range(5)] + [(38, 3.99, 4.05, 90)]
    path = _write_midi(tmp_path / "a.mid", notes)
    _info(tmp_path, [("a.mid", "train")])
    assert gmd_row(path).bpm == BPM
    chunks = two_bar_chunks(path)
    starts = [sorted(round(n.start, 2) for n in c.instruments[0].notes) for c in chunks]  # to MIDI ticks
    assert starts == [[0.0, 2.0], [0.0, 1.99, 2.0], [0.0, 2.0]]  # round(8.1 s / 2 s) = 4 bars: 3 chunks


def test_grid_takes_rolands_classes_the_loudest_hit_and_signed_offsets(tmp_path):
    """Pitch 22 is a closed hi-hat and 26 an open one in training's map; of two snares on a step the louder one
    counts; a hit 25 ms early has offset +0.4 (in half-16ths), one 25 ms late -0.4."""
    notes = [(22, 0.0, 0.1, 64), (26, 0.5, 0.6, 70), (38, 0.975, 1.05, 50), (40, 1.0, 1.05, 110),
             (36, 1.525, 1.6, 127)]
    _write_midi(tmp_path / "b.mid", notes)
    grid, step_seconds = chunk_grid(__import__("pretty_midi").PrettyMIDI(str(tmp_path / "b.mid")))
    assert step_seconds == pytest.approx(0.125) and grid.shape == (16, 27)
    hits = {(int(s), int(d)) for s, d in zip(*np.nonzero(grid[:, :9]))}
    assert hits == {(0, 2), (4, 3), (8, 1), (12, 0)}
    assert grid[8, 9 + 1] == pytest.approx(110 / 127) and grid[8, 18 + 1] == pytest.approx(0.0, abs=1e-6)
    assert grid[12, 18] == pytest.approx(-0.4, abs=1e-5)
    early = chunk_grid(__import__("pretty_midi").PrettyMIDI(str(_write_midi(tmp_path / "c.mid",
                                                                              [(36, 0.475, 0.5, 90)]))))[0]
    assert early[4, 18] == pytest.approx(0.4, abs=1e-5)
    assert len(windows_of(np.zeros((48, 27)))) == 1  # the last partial window is dropped


def test_other_metres_give_no_windows(tmp_path):
    """Magenta's groove configs read 4/4 only: a 3/4 performance gives no window."""
    path = _write_midi(tmp_path / "w.mid", [(36, t * 0.5, t * 0.5 + 0.1, 90) for t in range(24)], numerator=3)
    assert file_groove_windows((path, 2)) == ([], None)


def test_sides_follow_info_csv_and_test_is_left_out(tmp_path):
    """train trains, validation is held out, test is not read; a file info.csv does not list is split by
    content (all on the training side at eval ratio 0)."""
    for name in ("t.mid", "v.mid", "x.mid", "other.mid"):
        _write_midi(tmp_path / name, [(36, 0.0, 0.1, 90)])
    _info(tmp_path, [("t.mid", "train"), ("v.mid", "validation"), ("x.mid", "test")])
    sources = [SourceFile(tmp_path / n) for n in ("t.mid", "v.mid", "x.mid", "other.mid")]
    assert groove_sides(sources, 0.0) == ["train", "eval", None, "train"]
    assert groove_sides([SourceFile(tmp_path / "x.mid", split="eval")], 0.0) == ["eval"]


def _targets() -> np.ndarray:
    """One window: a kick (class 0) and a closed hi-hat (class 2) on step 0, the hi-hat louder."""
    t = np.zeros((1, 32, 27), np.float32)
    t[0, 0, [0, 2]] = 1.0
    t[0, 0, [9, 11]] = [0.5, 0.9]
    t[0, 0, [18, 20]] = [0.2, -0.3]
    return t


@pytest.mark.parametrize("variant, hits, velocities, offsets", [
    ("humanize", {0: 1, 2: 1}, {}, {}),
    ("tap_fixed_velocity", {3: 1}, {}, {3: -0.3}),
    ("add_closed_hh", {0: 1}, {0: 0.5}, {0: 0.2}),
])
def test_encoder_inputs_are_the_variants(variant, hits, velocities, offsets):
    """humanize drops velocities and offsets; tap puts the loudest hit of a step on the open hi-hat with its
    timing and no velocity; add_closed_hh removes the closed hi-hat; the targets stay the performance."""
    converter = get_config(f"groovae_2bar_{variant}").converter()
    inputs, targets, mask = GrooveWindowSet(_targets(), np.array([0.125]), converter).batch([0], 32)
    expected = np.zeros(27, np.float32)
    for values, base in ((hits, 0), (velocities, 9), (offsets, 18)):
        for drum, value in values.items():
            expected[base + drum] = value
    np.testing.assert_allclose(inputs[0, 0], expected)
    np.testing.assert_array_equal(targets, _targets())
    assert mask.tolist() == [[1.0] * 32]


def test_windows_are_magentas_on_the_groove_midi_dataset(tmp_path):
    """TFDS's builder and Magenta's GrooveConverter (run in the reference venv) give these windows and encoder
    inputs, to the bit, for performances in 4/4 and in 3/4."""
    python = MAGENTA_VENV / "bin" / "python"
    if not python.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    root = shared_path("datasets", "groove")
    files = ["drummer1/eval_session/1_funk-groove1_138_beat_4-4.mid",
             "drummer1/session2/4_jazz_120_beat_3-4.mid",
             "drummer7/session2/95_hiphop_75_fill_4-4.mid"]
    for name in files:
        if not (root / name).exists():
            pytest.skip(f"{name} is not in {root}")
    out = tmp_path / "magenta.npz"
    proc = subprocess.run([str(python), str(ROOT / "tools" / "magenta_groove_reference.py"), "windows", str(root),
                           str(out), *files], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    magenta = np.load(out)
    with open(root / "info.csv", newline="") as fh:
        ordered = [r["midi_filename"] for r in csv.DictReader(fh) if r["midi_filename"] in files]
    ours = [grid for name in ordered for grid in map(chunk_grid, two_bar_chunks(root / name))]
    assert len(ours) == len([k for k in magenta.files if k.count("_") == 1]) > 30
    for k, grid in enumerate(ours):
        windows = np.array(windows_of(grid[0]) if grid is not None else [], np.float32).reshape(-1, 32, 27)
        np.testing.assert_array_equal(windows, magenta[f"chunk_{k}"], err_msg=f"chunk {k}")
        for variant in ("humanize", "tap_fixed_velocity", "add_closed_hh"):
            if len(windows):
                made = GrooveWindowSet(windows, np.ones(len(windows)),
                                       get_config(f"groovae_2bar_{variant}").converter()).batch([0], 32)[0]
                np.testing.assert_array_equal(made, magenta[f"chunk_{k}_{variant}"], err_msg=f"{variant} {k}")


def test_whole_performance_windows_keep_the_downbeat_played_early(tmp_path):
    """A snare played 10 ms before bar 3: TFDS's chunk of bars 3 and 4 loses it, the app's window of those bars has it
    on its first step, played early (offset +0.16 of a half-16th); every other step is the chunks' to the bit."""
    from composer_app.models.training.vae.groove_grid import performance_windows

    notes = [(36, bar * 2.0, bar * 2.0 + 0.1, 100) for bar in range(5)] + [(38, 3.99, 4.05, 90)]
    path = _write_midi(tmp_path / "a.mid", notes)
    _info(tmp_path, [("a.mid", "train")])
    import pretty_midi

    ours = performance_windows(pretty_midi.PrettyMIDI(str(path)), 2.0)
    tfds = [windows_of(grid)[0] for grid, _ in map(chunk_grid, two_bar_chunks(path))]
    assert len(ours) == len(tfds) == 3 and all(seconds == pytest.approx(0.125) for _, seconds in ours)
    third, _ = ours[2]
    assert third[0, 1] == 1.0 and tfds[2][0, 1] == 0.0  # the snare (class 1) on the first step of bars 3-4
    # 9 ms early once the file's ticks have placed it: 0.145 of a half-16th
    assert third[0, 9 + 1] == pytest.approx(90 / 127) and third[0, 18 + 1] == pytest.approx(0.145, abs=1e-3)
    for (window, _), chunk in zip(ours, tfds):
        np.testing.assert_array_equal(window[1:], chunk[1:])
    assert file_groove_windows((path, 2))[0][2][0][0, 1] == 1.0  # the default windowing
    assert file_groove_windows((path, 2, "tfds"))[0][2][0][0, 1] == 0.0


def test_whole_performance_windows_of_a_groove_performance_add_only_early_downbeats():
    """On a real Groove performance the two windowings agree on every hit TFDS keeps (timing to 1e-3 of a
    half-16th: TFDS writes each chunk as MIDI, whose ticks move a note a little; on the first step an early hit
    may be the louder of a drum's two); the app's windows add the downbeats played early, on their first step,
    and the last hits that ring past a window's end, which TFDS's chunks drop."""
    path = shared_path("datasets", "groove", "drummer1", "eval_session", "1_funk-groove1_138_beat_4-4.mid")
    if not path.exists():
        pytest.skip(f"{path} is not in the shared datasets")
    ours = file_groove_windows((path, 2, "downbeats"))[0]
    tfds = file_groove_windows((path, 2, "tfds"))[0]
    assert len(ours) == len(tfds) > 10
    early = 0
    for (window, _), (chunk, _) in zip(ours, tfds):
        kept = chunk[:, :9] > 0
        assert np.all(window[:, :9][kept] == 1.0)
        later = kept.copy()
        later[0] = False  # on the first step an early hit of the same drum may be the louder, so the one kept
        np.testing.assert_array_equal(window[:, 9:18][later], chunk[:, 9:18][later])
        np.testing.assert_allclose(window[:, 18:][later], chunk[:, 18:][later], atol=1e-3)
        assert np.all(window[0, 9:18][kept[0]] >= chunk[0, 9:18][kept[0]])
        added = np.argwhere((window[:, :9] > 0) & ~kept)
        assert all(step == 0 or step >= 30 for step, _ in added)
        assert all(window[0, 18 + drum] > 0 for step, drum in added if step == 0)  # played early
        early += sum(1 for step, _ in added if step == 0)
    assert early > 0
