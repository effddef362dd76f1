"""Command-line values a user can get wrong: each is refused with one `composer-app: error:` line and exit != 0."""

from __future__ import annotations

import sys

import pytest

import composer_app.cli.main as cli_main
from composer_app.cli.main import main
from composer_app.music.midi_io import write_midi
from composer_app.music.song import Note, Song, Track
from tests.models.conftest import bundle_path


def _one_error_line(capsys, argv, prog_main=None) -> str:
    """Run the command line; return its single stderr line after checking the exit status and the format."""
    try:
        code = prog_main() if prog_main else main(argv)
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err.strip()
    assert code not in (0, None), err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("composer-app: error: "), err
    assert "Traceback" not in err and "internal error" not in err
    return lines[0]


def _generate(tmp_path, *flags) -> list[str]:
    return ["generate", "--config=basic_rnn", f"--bundle_file={bundle_path('basic_rnn')}",
            f"--output_dir={tmp_path / 'out'}", *flags]


@pytest.mark.parametrize("flags,says", [
    (["--seed=-1"], "0 to 4294967295"),
    (["--seed", "-1"], "0 to 4294967295"),
    (["--seed=4294967296"], "0 to 4294967295"),
    (["--seed=abc"], "whole number"),
    (["--num_steps=1000000000"], "at most 100000 steps"),
    (["--num_steps=1e9"], "at most 100000 steps"),
    (["--num_steps=2.5"], "whole number"),
    (["--temperature=nan"], "finite"),
    (["--temperature=inf"], "finite"),
    (["--qpm=inf"], "finite"),
    (["--qpm=1e9"], "at most 1000"),
    (["--num_outputs=0"], "at least 1"),
])
def test_values_out_of_range_are_refused(tmp_path, capsys, flags, says):
    """Negative or huge seeds, absurd lengths and non-finite numbers are one error line naming the limit."""
    line = _one_error_line(capsys, _generate(tmp_path, *flags))
    assert says in line, line
    assert not (tmp_path / "out").exists()


def test_a_batch_too_big_for_memory_is_refused(tmp_path, capsys):
    """num_outputs x beam_size x branch_factor sequences that would need more memory than the limit are refused."""
    from composer_app.models.rnn.generator import MAX_BATCH_BYTES

    line = _one_error_line(capsys, _generate(tmp_path, "--num_outputs=1000", "--beam_size=1000",
                                             "--branch_factor=1000"))
    assert "1,000,000,000 sequences" in line and f"{MAX_BATCH_BYTES >> 30} GiB" in line, line
    assert not (tmp_path / "out").exists()


def test_the_memory_estimate_grows_with_the_batch_and_the_network():
    """The estimate scales with the rows and steps, and an attention network's history counts."""
    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.rnn.generator import batch_state_bytes

    basic = read_bundle(bundle_path("basic_rnn")).weights
    attention = read_bundle(bundle_path("attention_rnn")).weights
    assert batch_state_bytes(basic, 20, 128) == 2 * batch_state_bytes(basic, 10, 128)
    assert batch_state_bytes(basic, 10, 1000) > batch_state_bytes(basic, 10, 100)
    assert batch_state_bytes(attention, 10, 128) > batch_state_bytes(basic, 10, 128)


def test_magentas_script_refuses_a_negative_seed(capsys, monkeypatch, tmp_path):
    """melody_rnn_generate gives the same one-line refusal as composer-app generate."""
    from composer_app.cli.generate import melody_main

    monkeypatch.setattr(sys, "argv", ["melody_rnn_generate", f"--output_dir={tmp_path}", "--seed=-1"])
    assert "0 to 4294967295" in _one_error_line(capsys, None, melody_main)


def test_an_unknown_flag_is_one_line(capsys):
    """A misspelt flag is one error line that points at --help, not argparse's usage block."""
    line = _one_error_line(capsys, ["inspect", "x.mag", "--jsn"])
    assert "--jsn" in line and "--help" in line


def test_a_command_beside_a_folder_of_its_name_runs_the_command(tmp_path, monkeypatch):
    """`composer-app play x.mid` in a folder that holds a folder named play plays the file; it does not open the app."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "play").mkdir()
    write_midi(Song(tracks=(Track(notes=(Note(0, 60, 480),)),)), tmp_path / "x.mid")
    ran = []
    monkeypatch.setattr(cli_main, "has_display", lambda: True)
    monkeypatch.setattr(cli_main, "run_gui", lambda args: ran.append(("gui", args.files)) or 0)
    import composer_app.cli.play as play

    monkeypatch.setattr(play, "run", lambda args: ran.append(("play", str(args.input))) or 0)
    assert main(["play", "x.mid"]) == 0
    assert ran == [("play", "x.mid")]


def test_files_alone_still_open_the_app(tmp_path, monkeypatch):
    """Only existing files (no command, no folder) open the app directly."""
    monkeypatch.chdir(tmp_path)
    write_midi(Song(tracks=(Track(notes=(Note(0, 60, 480),)),)), tmp_path / "x.mid")
    (tmp_path / "folder").mkdir()
    monkeypatch.setattr(cli_main, "has_display", lambda: True)
    assert cli_main._opens_the_app(["x.mid"]) and cli_main._opens_the_app([])
    assert not cli_main._opens_the_app(["play", "x.mid"]) and not cli_main._opens_the_app(["folder"])


def test_the_command_names_are_the_parsers():
    """The names main() recognises without building the parser are exactly the parser's commands."""
    parser = cli_main.build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    assert set(cli_main.COMMAND_NAMES) == set(sub.choices)
