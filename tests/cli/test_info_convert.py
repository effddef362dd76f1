"""`composer-app info` and `convert`: readable output, JSON, and one-line errors with a non-zero exit."""

import json
import subprocess
import sys

from composer_app.cli.main import main
from composer_app.music.midi_io import read_midi, write_midi
from composer_app.music.song import PPQ, ChordSymbol, Note, Song, TempoChange, Track, drum_track
from tests.conftest import ROOT


def _song_file(tmp_path):
    song = Song(
        tracks=(Track("Lead", 73, notes=(Note(0, 60, PPQ), Note(PPQ, 67, PPQ))),
                drum_track(notes=(Note(0, 36, 240),))),
        tempos=(TempoChange(0, 90.0),),
        chords=(ChordSymbol(0, "C"), ChordSymbol(2 * PPQ, "G7")),
    )
    return write_midi(song, tmp_path / "song.mid")


def test_info_json(tmp_path, capsys):
    """--json gives tracks with programs and note counts, tempo, metre, bars and chords."""
    path = _song_file(tmp_path)
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["tempo_qpm"] == 90.0 and info["time_signature"] == "4/4"
    assert info["length_bars"] == 0.5
    assert [(t["name"], t["program"], t["is_drum"], t["notes"]) for t in info["tracks"]] == [
        ("Lead", 73, False, 2), ("Drums", 0, True, 1)]
    assert info["chords"] == ["C", "G7"]


def test_info_text(tmp_path, capsys):
    """The human-readable form names the instrument and lists the chords."""
    path = _song_file(tmp_path)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Flute" in out and "drums" in out and "C G7" in out and "90 qpm" in out


def test_convert_musicxml_to_midi(tmp_path, capsys):
    """convert turns a MusicXML file into an SMF with the same notes."""
    from tests.music.test_score_io import LEAD_SHEET_XML

    src = tmp_path / "lead.musicxml"
    src.write_text(LEAD_SHEET_XML)
    out = tmp_path / "lead.mid"
    assert main(["convert", str(src), str(out)]) == 0
    assert len(read_midi(out).tracks[0].notes) == 3
    assert "Wrote" in capsys.readouterr().out


def test_bad_input_is_one_line_and_nonzero(tmp_path):
    """A corrupt file gives exit status 1 and a single error line naming it, with no traceback."""
    bad = tmp_path / "bad.mid"
    bad.write_bytes(b"MThd\x00\x00\x00\x06\x00\x01\x00\x01\x01\xe0MTrk\x00\x00\x00\xff\x90")
    for args in (["info", str(bad)], ["convert", str(bad), str(tmp_path / "o.mid")]):
        proc = subprocess.run([sys.executable, "-m", "composer_app", *args], cwd=ROOT,
                              capture_output=True, text=True)
        assert proc.returncode == 1
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "bad.mid" in lines[0] and "Traceback" not in proc.stderr
    assert not (tmp_path / "o.mid").exists()


def test_help_lists_subcommands():
    """--help lists the headless commands."""
    proc = subprocess.run([sys.executable, "-m", "composer_app", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0
    assert "info" in proc.stdout and "convert" in proc.stdout


def test_no_display_shows_headless_help():
    """Without a display the GUI command explains why and shows the command-line help instead."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "composer_app"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert "needs a display" in proc.stderr and "convert" in proc.stderr


def _crafted_files(tmp_path):
    """One damaged file of each kind the readers take, each damage one that once crashed, hung or loaded."""
    from tests.music.score_bytes import ABC_TUNE, KERN, mxl, replaced
    from tests.music.smf_bytes import simple_song, time_signature

    files = {
        "denominator.mid": simple_song(time_signature(4, 255)),
        "metre.musicxml": replaced("<beats>3</beats>", "<beats>3000</beats>").encode(),
        "endless.mxl": mxl({"score.xml": replaced("<duration>4</duration>", "<duration>1000000000000</duration>")}),
        "metre.abc": ABC_TUNE.format(metre="99999/1", body="GABc").encode(),
        "metre.krn": KERN.format(metre="99999/1", body="4c").encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return [tmp_path / name for name in files]


def test_crafted_files_of_every_kind_give_one_line_and_a_non_zero_exit(tmp_path, capsys):
    """`info` and `convert` on each crafted file print one `composer-app: error:` line naming it, exit 1, within 10 s."""
    from tests.music.time_limit import time_limit

    for path in _crafted_files(tmp_path):
        out = tmp_path / "out.mid"
        for args in (["info", str(path)], ["convert", str(path), str(out)]):
            with time_limit(10, " ".join(args[:1] + [path.name])):
                code = main(args)
            captured = capsys.readouterr()
            lines = captured.err.strip().splitlines()
            assert code == 1, (args, captured.err)
            assert len(lines) == 1 and lines[0].startswith("composer-app: error: ") and path.name in lines[0]
            assert captured.out == "" and not out.exists()
