"""`composer-app vae groove` and the NADE and hits control decodes of `vae decode`."""

import json

import numpy as np
import pytest

from composer_app.cli.main import main
from composer_app.models.musicvae.model import MusicVae
from composer_app.music.io import read_song, write_song
from composer_app.music.song import PPQ, Note, Song, TempoChange, Track, drum_track
from tests.conftest import shared_path
from tests.models.musicvae.conftest import random_vae
from tests.models.musicvae.magenta_data import data_path, golden


def fixture(name: str):
    return shared_path("fixtures", "magenta-vae", name)


def long_beat(path, bars=5):
    """A MIDI file: `bars` bars of drums at 96 qpm with a pitched track and one drum pitch outside the map."""
    notes = [Note(s * PPQ // 4, 42 if s % 4 else 36, 100, 70 + s % 30) for s in range(bars * 16)] + [Note(0, 20, 100, 90)]
    song = Song(tracks=(drum_track("Drums", sorted(notes)), Track(name="Keys", notes=(Note(0, 60, PPQ, 80),))),
                tempos=(TempoChange(0, 96.0),))
    write_song(song, path)
    return path


def test_groove_writes_the_whole_song_at_its_tempo(tmp_path, capsys):
    """`vae groove` of a 5-bar file writes 5 bars of drums and the pitched track at 96 qpm, and names what it
    left out."""
    out = tmp_path / "out.mid"
    code = main(["vae", "groove", str(fixture("groovae_humanize_tiny.tar")), str(long_beat(tmp_path / "in.mid")),
                 str(out), "--temperature", "0.3", "--seed", "1"])
    printed = capsys.readouterr().out
    assert code == 0 and "3 window(s) of 2 bars" in printed and "[20]" in printed
    assert "taken as groovae_2bar_humanize" in printed and "groovae_4bar" in printed
    song = read_song(out)
    assert round(song.qpm) == 96
    drums = [n for t in song.tracks if t.is_drum for n in t.notes]
    assert drums and max(n.start for n in drums) < 5 * 4 * PPQ
    assert [n.pitch for t in song.tracks if not t.is_drum for n in t.notes] == [60]


def test_groove_keep_hits_keeps_the_files_hits_and_tap2drum_refuses_it(tmp_path, capsys):
    """--keep-hits: every mapped hit of the file comes back on its 16th and pitch, only timing and velocity change;
    a tap2drum config says it changes the hits by design."""
    source, out = long_beat(tmp_path / "in.mid"), tmp_path / "out.mid"
    code = main(["vae", "groove", str(fixture("groovae_humanize_tiny.tar")), str(source), str(out), "--temperature",
                 "1", "--seed", "3", "--keep-hits", "--config", "groovae_2bar_humanize"])
    assert code == 0, capsys.readouterr().err
    played = {(n.start * 4 // PPQ, n.pitch) for t in read_song(source).tracks if t.is_drum for n in t.notes
              if n.pitch != 20}
    grooved = [n for t in read_song(out).tracks if t.is_drum for n in t.notes]
    assert {(round(n.start * 4 / PPQ), n.pitch) for n in grooved} == played
    assert any(n.start % (PPQ // 4) for n in grooved)
    code = main(["vae", "groove", str(fixture("groovae_humanize_tiny.tar")), str(source), str(tmp_path / "t.mid"),
                 "--keep-hits", "--config", "groovae_2bar_tap_fixed_velocity"])
    assert code == 1 and "changes the hits by design" in capsys.readouterr().err


def test_groove_with_the_4bar_config_takes_4bar_windows(tmp_path, capsys):
    """--config groovae_4bar cuts the same file into two 4-bar windows."""
    code = main(["vae", "groove", str(fixture("groovae_humanize_tiny.tar")), str(long_beat(tmp_path / "in.mid")),
                 str(tmp_path / "out.mid"), "--config", "groovae_4bar"])
    printed = capsys.readouterr().out
    assert code == 0 and "2 window(s) of 4 bars" in printed and "taken as" not in printed


def test_groove_of_a_melody_checkpoint_is_one_error_line(tmp_path, capsys):
    """A cat-mel checkpoint cannot regroove: one error line naming its config, exit 1, no file."""
    out = tmp_path / "out.mid"
    code = main(["vae", "groove", str(fixture("mel2bar_tiny.tar")), str(long_beat(tmp_path / "in.mid")), str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "cat-mel_2bar_small" in err[0] and not out.exists()


@pytest.fixture
def fake_load(monkeypatch):
    """MusicVae.load gives a random model of the config named by the checkpoint's file name."""
    monkeypatch.setattr(MusicVae, "load", classmethod(lambda cls, path: random_vae(path.stem, seed=1)))


def test_decode_of_a_nade_checkpoint_prints_multi_hot_rows(tmp_path, capsys, fake_load):
    """`vae decode` of a NADE model prints 32 rows of 9 bits per output (JSON: "multilabel") and their notes."""
    (tmp_path / "z.json").write_text(json.dumps({"z": [[0.1] * 8, [-0.3] * 8]}))
    args = ["vae", "decode", str(tmp_path / "nade-drums_2bar_reduced.tar"), "--z", str(tmp_path / "z.json"),
            "--temperature", "1e-6", "--seed", "0"]
    assert main(args + ["--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["config"] == "nade-drums_2bar_reduced"
    rows = out["outputs"][0]["multilabel"]
    assert len(rows) == 32 and all(len(r) == 9 and set(r) <= {0, 1} for r in rows)
    assert len(out["outputs"][0]["notes"]) == sum(map(sum, rows))
    assert main(args) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0].startswith("output 0:") and text[1] == "    0 " + "".join(map(str, rows[0]))


def test_hits_control_decode_needs_controls(tmp_path, capsys, fake_load):
    """The hits control model decodes with --controls (the hits of a file); without them one error line."""
    (tmp_path / "z.json").write_text(json.dumps({"z": [[0.2] * 8]}))
    args = ["vae", "decode", str(tmp_path / "groovae_2bar_hits_control_tfds.tar"), "--z", str(tmp_path / "z.json"),
            "--json"]
    assert main(args) == 1
    assert "--controls" in capsys.readouterr().err
    assert main(args + ["--controls", str(long_beat(tmp_path / "in.mid", bars=2))]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["config"] == "groovae_2bar_hits_control_tfds" and len(out["outputs"][0]["hits"]) == 32
    assert main(["vae", "decode", str(tmp_path / "cat-drums_2bar_small.tar"), "--z", str(tmp_path / "z.json"),
                 "--controls", str(tmp_path / "in.mid")]) == 1
    assert "takes no controls" in capsys.readouterr().err


def test_nade_checkpoint_decode_encode_and_inspect_agree_with_magenta(tmp_path, capsys):
    """On Magenta's nade_reduced_tiny: `vae decode --json` of the golden z prints its multi-hot rows, `vae encode
    --json` its mu, and `inspect` names the config and the NADE."""
    g = golden("nade_reduced_tiny")
    tar = str(data_path("nade_reduced_tiny.tar"))
    (tmp_path / "z.json").write_text(json.dumps({"z": g["z"]}))
    assert main(["vae", "decode", tar, "--z", str(tmp_path / "z.json"), "--temperature", "1e-4", "--seed", "0",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [o["multilabel"] for o in out["outputs"]] == g["decode_tensors"]
    assert [len(o["notes"]) for o in out["outputs"]] == [len(n) for n in g["decode"]]
    assert main(["vae", "encode", tar, str(data_path("nade_reduced_tiny_in1.mid")), "--json"]) == 0
    windows = json.loads(capsys.readouterr().out)["windows"]
    assert len(windows) == 1
    np.testing.assert_allclose(windows[0]["mu"], g["mu"][1], atol=1e-5, rtol=0)
    assert main(["inspect", tar]) == 0
    text = capsys.readouterr().out
    assert "nade-drums_2bar_reduced (detected)" in text and "NADE:           16 hidden units" in text


def test_hits_control_checkpoint_decode_and_encode_agree_with_magenta(tmp_path, capsys):
    """On Magenta's groovae_hits_tiny: `vae decode --controls in0.mid` of z[0] prints its hits (decoded with input
    0's hits, as the golden), and `vae encode --json` of input 2 its mu (controls read after the inputs)."""
    g = golden("groovae_hits_tiny")
    tar = str(data_path("groovae_hits_tiny.tar"))
    (tmp_path / "z.json").write_text(json.dumps({"z": g["z"][:1]}))
    assert main(["vae", "decode", tar, "--z", str(tmp_path / "z.json"), "--controls",
                 str(data_path("groovae_hits_tiny_in0.mid")), "--temperature", "1e-6", "--seed", "0", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["config"] == "groovae_2bar_hits_control_tfds"
    assert out["outputs"][0]["hits"] == g["decode_tensors"][0]["hits"]
    assert main(["vae", "encode", tar, str(data_path("groovae_hits_tiny_in2.mid")), "--json"]) == 0
    np.testing.assert_allclose(json.loads(capsys.readouterr().out)["windows"][0]["mu"], g["mu"][2], atol=1e-5, rtol=0)
