"""MusicVAE on the command line: `composer-app vae encode|decode` and `music_vae_generate`, on Magenta's fixtures."""

import json

import numpy as np
import pytest

from composer_app.cli import music_vae
from composer_app.cli.main import main
from composer_app.models.musicvae.converters import MelodyConverter
from composer_app.models.musicvae.model import MusicVae
from composer_app.music.io import read_song
from tests.conftest import shared_path


def fixture(name: str):
    return shared_path("fixtures", "magenta-vae", name)


def golden(name: str) -> dict:
    return json.loads(fixture(name + ".json").read_text())


@pytest.mark.parametrize("name", ["mel2bar_tiny", "drums2bar_tiny"])
def test_encode_json_gives_magentas_mu_and_sigma(name, capsys):
    """`vae encode --json` of a fixture input prints Magenta's mu and sigma to 1e-5."""
    g = golden(name)
    assert main(["vae", "encode", str(fixture(name + ".tar")), str(fixture(name + "_in1.mid")), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["windows"]) == 1
    np.testing.assert_allclose(out["windows"][0]["mu"], g["mu"][1], atol=1e-5, rtol=0)
    np.testing.assert_allclose(out["windows"][0]["sigma"], g["sigma"][1], atol=1e-5, rtol=0)


@pytest.mark.parametrize("name", ["mel2bar_tiny", "drums2bar_tiny", "hierdec_mel16_tiny"])
def test_decode_of_the_golden_z_gives_magentas_classes(name, tmp_path, capsys):
    """`vae decode` of the golden z at temperature 1e-4 prints Magenta's classes and as many notes."""
    g = golden(name)
    (tmp_path / "z.json").write_text(json.dumps({"z": g["z"]}))
    assert main(["vae", "decode", str(fixture(name + ".tar")), "--z", str(tmp_path / "z.json"),
                 "--temperature", "1e-4", "--seed", "0", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [o["classes"] for o in out["outputs"]] == g["decode_tensors"]
    assert [len(o["notes"]) for o in out["outputs"]] == [len(n) for n in g["decode"]]


def test_sample_writes_num_outputs_files(tmp_path):
    """`music_vae_generate --mode=sample` writes --num_outputs files named as Magenta names them."""
    assert music_vae.main(["--config=cat-drums_2bar_small", f"--checkpoint_file={fixture('drums2bar_tiny.tar')}",
                           "--mode=sample", "--num_outputs=3", "--max_batch_size=2", "--seed=1",
                           f"--output_dir={tmp_path}"]) == 0
    files = sorted(p.name for p in tmp_path.glob("*.mid"))
    assert len(files) == 3
    assert all(f.startswith("cat-drums_2bar_small_sample_") for f in files)
    assert [f[-15:] for f in files] == ["-000-of-003.mid", "-001-of-003.mid", "-002-of-003.mid"]
    assert all(read_song(tmp_path / f).tracks[0].is_drum for f in files)


def test_interpolate_ends_decode_the_inputs_mus(tmp_path):
    """--mode=interpolate writes num_outputs files; the first and last decode the two inputs' mu."""
    g = golden("mel2bar_tiny")
    assert music_vae.main([f"--checkpoint_file={fixture('mel2bar_tiny.tar')}", "--mode=interpolate",
                           f"--input_midi_1={fixture('mel2bar_tiny_in0.mid')}",
                           f"--input_midi_2={fixture('mel2bar_tiny_in2.mid')}", "--num_outputs=4",
                           "--temperature=1e-4", "--seed=0", f"--output_dir={tmp_path}"]) == 0
    files = sorted(tmp_path.glob("*.mid"))
    assert len(files) == 4
    model = MusicVae.load(fixture("mel2bar_tiny.tar"))
    ends = model.decode(np.asarray([g["mu"][0], g["mu"][2]], np.float32), 32, temperature=0)
    conv = MelodyConverter(2)
    for path, classes in zip([files[0], files[-1]], ends):
        expected = [(n.start, n.pitch, n.duration) for n in conv.to_song(classes).tracks[0].notes]
        assert [(n.start, n.pitch, n.duration) for n in read_song(path).tracks[0].notes] == expected


def test_a_wrong_config_is_one_error_line(tmp_path, capsys):
    """A checkpoint of another config than --config says names both on one line and exits 1."""
    code = music_vae.main(["--config=cat-drums_2bar_small", f"--checkpoint_file={fixture('mel2bar_tiny.tar')}",
                           "--mode=sample", f"--output_dir={tmp_path}"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and err[0].startswith("composer-app: error:")
    assert "cat-mel_2bar_small" in err[0] and "cat-drums_2bar_small" in err[0]
    assert not list(tmp_path.glob("*.mid"))


def test_an_input_without_melody_is_one_error_line(tmp_path, capsys):
    """Encoding a drum-only file with a melody model says there is no melody, on one line, exit 1."""
    code = main(["vae", "encode", str(fixture("mel2bar_tiny.tar")), str(fixture("drums2bar_tiny_in0.mid"))])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "no melody" in err[0]


def test_groove_encode_json_gives_magentas_mu_and_sigma(capsys):
    """`vae encode --json` of a GrooVAE input finds groovae_2bar_humanize and prints Magenta's mu and sigma."""
    g = golden("groovae_humanize_tiny")
    assert main(["vae", "encode", str(fixture("groovae_humanize_tiny.tar")),
                 str(fixture("groovae_humanize_tiny_in2.mid")), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["config"] == "groovae_2bar_humanize" and len(out["windows"]) == 1
    np.testing.assert_allclose(out["windows"][0]["mu"], g["mu"][2], atol=1e-5, rtol=0)
    np.testing.assert_allclose(out["windows"][0]["sigma"], g["sigma"][2], atol=1e-5, rtol=0)


def test_groove_decode_json_prints_magentas_hits_velocities_offsets_and_notes(tmp_path, capsys):
    """`vae decode --json` of the golden z prints Magenta's hit matrix, velocities, offsets and notes."""
    g = golden("groovae_humanize_tiny")
    (tmp_path / "z.json").write_text(json.dumps({"z": g["z"]}))
    assert main(["vae", "decode", str(fixture("groovae_humanize_tiny.tar")), "--z", str(tmp_path / "z.json"),
                 "--temperature", "1e-6", "--seed", "0", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for got, want, notes in zip(out["outputs"], g["decode_tensors"], g["decode"], strict=True):
        assert got["hits"] == want["hits"]
        np.testing.assert_allclose(got["velocities"], want["velocities"], atol=1e-5, rtol=0)
        np.testing.assert_allclose(got["offsets"], want["offsets"], atol=1e-5, rtol=0)
        assert [n[:2] for n in got["notes"]] == [n[:2] for n in notes]
        np.testing.assert_allclose([n[2:4] for n in got["notes"]], [n[2:4] for n in notes], atol=1e-6, rtol=0)


def test_groove_sample_writes_drum_files_with_velocities(tmp_path):
    """`music_vae_generate --mode=sample` with the GrooVAE checkpoint writes drum files of varied velocity."""
    assert music_vae.main([f"--checkpoint_file={fixture('groovae_humanize_tiny.tar')}", "--mode=sample",
                           "--num_outputs=2", "--seed=2", f"--output_dir={tmp_path}"]) == 0
    files = sorted(tmp_path.glob("groovae_2bar_humanize_sample_*.mid"))
    assert len(files) == 2
    tracks = [read_song(f).tracks[0] for f in files]
    assert all(t.is_drum and t.notes for t in tracks)
    assert len({n.velocity for t in tracks for n in t.notes}) > 1


def test_hparams_and_input_bars_choose_the_window_and_check_the_sizes(tmp_path, capsys):
    """--input_bars picks the window of a long file that starts there; --hparams with the fixture's sizes loads,
    other sizes are one error line naming both."""
    args = ["vae", "encode", str(fixture("mel2bar_tiny.tar")), str(fixture("hierdec_mel16_tiny_in0.mid")), "--json"]
    assert main(args) == 0
    every = json.loads(capsys.readouterr().out)["windows"]
    assert len(every) > 1 and every[0]["start_bar"] == 1
    assert main([*args, "--input_bars", "5:6", "--hparams", "z_size=16,enc_rnn_size=[32],batch_size=4"]) == 0
    (picked,) = json.loads(capsys.readouterr().out)["windows"]
    same = next(w for w in every if w["start_bar"] == 5)
    assert picked["classes"] == same["classes"]
    np.testing.assert_allclose(picked["mu"], same["mu"], atol=1e-5)
    assert main([*args, "--hparams", "z_size=256"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "z_size 256 (the checkpoint has 16)" in err[0]


def test_decode_length_follows_max_seq_len(tmp_path, capsys):
    """--hparams=max_seq_len=64 makes a 2-bar model decode 64 steps, as Magenta's generate does for samples."""
    (tmp_path / "z.json").write_text(json.dumps({"z": golden("mel2bar_tiny")["z"]}))
    args = ["vae", "decode", str(fixture("mel2bar_tiny.tar")), "--z", str(tmp_path / "z.json"), "--json"]
    assert main([*args, "--hparams=max_seq_len=64"]) == 0
    assert [len(o["classes"]) for o in json.loads(capsys.readouterr().out)["outputs"]] == [64, 64, 64]
    assert main(args) == 0
    assert [len(o["classes"]) for o in json.loads(capsys.readouterr().out)["outputs"]] == [32, 32, 32]


def test_run_dir_uses_the_folders_newest_checkpoint(tmp_path, capsys):
    """`--run_dir` samples from RUN/train's checkpoint, as Magenta's; giving both sources or none is one line."""
    import tarfile

    train = tmp_path / "run" / "train"
    train.mkdir(parents=True)
    with tarfile.open(fixture("mel2bar_tiny.tar")) as tar:
        tar.extractall(train, filter="data")
    out = tmp_path / "out"
    assert music_vae.main([f"--run_dir={tmp_path / 'run'}", "--mode=sample", "--num_outputs=2",
                           f"--output_dir={out}"]) == 0
    assert len(list(out.glob("cat-mel_2bar_small_sample_*.mid"))) == 2
    both = [f"--run_dir={tmp_path / 'run'}", f"--checkpoint_file={fixture('mel2bar_tiny.tar')}"]
    assert music_vae.main([*both, "--mode=sample", f"--output_dir={out}"]) == 1
    assert "give one of --checkpoint_file" in capsys.readouterr().err
    assert music_vae.main(["--mode=sample", f"--output_dir={out}"]) == 1
    assert "give --checkpoint_file" in capsys.readouterr().err


def test_a_file_that_is_no_tar_is_one_plain_line(tmp_path, capsys):
    """Random bytes named .tar give one line saying it is not a tar, without tarfile's internal wording."""
    bad = tmp_path / "model.tar"
    bad.write_bytes(bytes(range(256)) * 12)
    assert main(["vae", "encode", str(bad), str(fixture("mel2bar_tiny_in0.mid"))]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a tar archive, or a damaged one" in err[0] and "successfully" not in err[0]
