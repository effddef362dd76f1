"""`composer-app train --config groovae_2bar_humanize`: a Groove MIDI Dataset folder in (its info.csv's split), a
GrooVAE .tar out, with the held-out groove figures."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from tests.conftest import ROOT

TINY = "z_size=4,enc_rnn_size=[8],dec_rnn_size=[8,8],batch_size=4,max_seq_len=4"
SPLITS = {"a.mid": "train", "b.mid": "train", "c.mid": "validation", "d.mid": "test"}


def _performance(path, seed: int) -> None:
    """Four bars at 120 qpm of kick, snare and hi-hat on 8ths, played a little off the grid; it ends at 8 s."""
    import pretty_midi

    rng = np.random.default_rng(seed)
    pm = pretty_midi.PrettyMIDI(initial_tempo=120)
    pm.time_signature_changes.append(pretty_midi.TimeSignature(4, 4, 0.0))
    drums = pretty_midi.Instrument(0, is_drum=True)
    for eighth in range(32):
        start = max(0.0, eighth * 0.25 + rng.uniform(-0.02, 0.02))
        for pitch in [42] + ([36] if eighth % 4 == 0 else [38] if eighth % 4 == 2 else []):
            drums.notes.append(pretty_midi.Note(int(rng.integers(40, 120)), pitch, start, min(start + 0.05, 8.0)))
    pm.instruments.append(drums)
    pm.write(str(path))


def test_train_cli_reads_the_groove_split_and_reports_timing(tmp_path):
    """Two training performances give 6 windows, the validation one 3 held out, the test one none; the .tar is
    a GrooVAE our engine loads, and the held-out timing and velocity errors are printed beside the input's."""
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("training needs TensorFlow (the training extra), which is not installed")
    from composer_app.models.musicvae.configs import detect_config
    from composer_app.models.musicvae.model import MusicVae

    data = tmp_path / "groove"
    data.mkdir()
    rows = ["drummer,session,id,style,bpm,beat_type,time_signature,midi_filename,audio_filename,duration,split"]
    for k, (name, split) in enumerate(SPLITS.items()):
        _performance(data / name, k)
        rows.append(f"d,s,{k},rock,120,beat,4-4,{name},,8.0,{split}")
    (data / "info.csv").write_text("\n".join(rows) + "\n")
    out = tmp_path / "groove.tar"
    code = "import sys; from composer_app.cli.main import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run([sys.executable, "-c", code, "train", "--config", "groovae_2bar_humanize", "--input",
                           str(data), "--output", str(out), "--hparams", TINY, "--steps", "2", "--eval-every", "0"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "6 training and 3 held-out windows from 4 file(s)" in proc.stderr
    assert "held-out groove (3 windows): model " in proc.stderr and "input as output timing " in proc.stderr
    assert detect_config(MusicVae.load(out).weights).id == "groovae_2bar_humanize"
