"""MusicVAE trios on the command line (`vae encode|decode`, `music_vae_generate`), with hand-built tiny weights."""

import json

import numpy as np
import pytest

from composer_app.cli import music_vae
from composer_app.cli.main import main
from composer_app.models.musicvae.model import MusicVae
from composer_app.models.musicvae.trio import TrioConverter
from composer_app.music.io import read_song, write_song
from tests.models.musicvae.conftest import random_vae
from tests.models.musicvae.test_trio import trio


@pytest.fixture(params=[False, True], ids=["flat", "hierdec"])
def trio_model(request, monkeypatch):
    """Every checkpoint path loads as a tiny trio MusicVAE (flat-trio or hierdec-trio)."""
    model = random_vae("hierdec-trio_16bar" if request.param else "flat-trio_16bar")
    monkeypatch.setattr(MusicVae, "load", classmethod(lambda cls, path: model))
    return model, "hierdec-trio_16bar" if request.param else "flat-trio_16bar"


def test_decode_json_gives_per_step_melody_bass_drums(trio_model, tmp_path, capsys):
    """`vae decode --json` prints 256 steps of [melody, bass, drums] classes, the model's own, and their notes."""
    model, config_id = trio_model
    z = np.random.default_rng(0).normal(size=(2, model.z_size)).astype(np.float32)
    (tmp_path / "z.json").write_text(json.dumps({"z": z.tolist()}))
    assert main(["vae", "decode", "x.tar", "--z", str(tmp_path / "z.json"), "--temperature", "1e-7", "--seed", "0",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["config"] == config_id
    classes = [o["classes"] for o in out["outputs"]]
    assert classes == model.decode(z, 256, temperature=0).tolist()
    assert all(len(c) == 256 and all(len(step) == 3 for step in c) for c in classes)
    assert all(any(note[4] for note in o["notes"]) for o in out["outputs"])  # the drums are drum notes


def test_encode_json_gives_the_windows_classes_and_mu(trio_model, tmp_path, capsys):
    """`vae encode --json` of a 20-bar trio gives Magenta's first five windows, each [256][3], their mu and the bar
    each starts at; --input_bars picks one of them."""
    model, config_id = trio_model
    write_song(trio(20), tmp_path / "in.mid")
    assert main(["vae", "encode", "x.tar", str(tmp_path / "in.mid"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    windows = TrioConverter().to_windows(read_song(tmp_path / "in.mid"))
    assert out["config"] == config_id and len(out["windows"]) == 5
    assert [w["classes"] for w in out["windows"]] == [[list(s) for s in c] for c in windows.classes]
    mu, _ = model.encode(windows.inputs, list(windows.lengths))
    np.testing.assert_allclose([w["mu"] for w in out["windows"]], mu, atol=1e-6, rtol=0)
    assert [w["start_bar"] for w in out["windows"]] == [1, 2, 3, 4, 5]
    assert main(["vae", "encode", "x.tar", str(tmp_path / "in.mid"), "--input_bars", "3:19", "--json"]) == 0
    picked = json.loads(capsys.readouterr().out)["windows"]
    assert [w["start_bar"] for w in picked] == [3] and picked[0]["classes"] == out["windows"][2]["classes"]


@pytest.mark.parametrize("mode", ["sample", "interpolate"])
def test_generate_writes_melody_bass_and_drums(trio_model, mode, tmp_path):
    """music_vae_generate --config=<trio> writes files of three tracks: program 0, bass program 33, drums."""
    _, config_id = trio_model
    args = [f"--config={config_id}", "--checkpoint_file=x.tar", f"--mode={mode}", "--num_outputs=3",
            "--seed=3", f"--output_dir={tmp_path / 'out'}"]
    if mode == "interpolate":
        write_song(trio(16), tmp_path / "a.mid")
        write_song(trio(16, bass=range(2, 16)), tmp_path / "b.mid")
        args += [f"--input_midi_1={tmp_path / 'a.mid'}", f"--input_midi_2={tmp_path / 'b.mid'}"]
    assert music_vae.main(args) == 0
    files = sorted((tmp_path / "out").glob(f"{config_id}_{mode}_*.mid"))
    assert len(files) == 3
    for path in files:
        song = read_song(path)
        pitched = [t for t in song.tracks if not t.is_drum]
        assert {t.program for t in pitched} <= {0, 33} and any(t.is_drum for t in song.tracks)
        assert all(n.velocity == 80 for t in song.tracks for n in t.notes)


def test_a_trio_checkpoint_asked_as_another_config_names_both(trio_model, tmp_path, capsys):
    _, config_id = trio_model
    code = music_vae.main(["--config=hierdec-mel_16bar", "--checkpoint_file=x.tar", "--mode=sample",
                           f"--output_dir={tmp_path}"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1
    assert config_id in err[0] and "hierdec-mel_16bar" in err[0]


def test_a_file_without_bass_says_so_on_one_line(trio_model, tmp_path, capsys):
    """Encoding melody + drums with a trio model names the missing bass and the file, and exits 1."""
    song = trio(16)
    write_song(song.with_tracks([song.tracks[0], song.tracks[2]]), tmp_path / "no_bass.mid")
    code = main(["vae", "encode", "x.tar", str(tmp_path / "no_bass.mid")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1
    assert "no_bass.mid" in err[0] and "no bass" in err[0]
