"""The one error hierarchy: every error class the app defines is a ComposerError, and each face reports them alike."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import composer_app
from composer_app.cli.errors import EXIT_BUG, EXIT_USER_ERROR, UserError, reports_user_errors
from composer_app.errors import Cancelled, ComposerError, log_bug, user_message

# Carriers of bugs, never of a user's mistake (none today): each would be reported as a bug, details logged.
NOT_USER_ERRORS: set[str] = set()
SKIP_MODULES = ("composer_app.__main__",)


def _error_classes() -> dict[str, type]:
    found = {}
    for info in pkgutil.walk_packages(composer_app.__path__, "composer_app."):
        if info.name.startswith(SKIP_MODULES):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return found


def test_every_error_class_is_a_composer_error():
    """No error class outside the bug carriers derives from Exception or ValueError directly."""
    classes = _error_classes()
    assert "composer_app.music.errors.MusicFileError" in classes  # the walk reached the areas
    strays = sorted(name for name, cls in classes.items()
                    if name not in NOT_USER_ERRORS and not issubclass(cls, ComposerError))
    assert strays == []


@pytest.mark.parametrize("name", [
    "composer_app.music.errors.MusicFileError", "composer_app.music.errors.PrimerError",
    "composer_app.models.errors.BundleError", "composer_app.models.errors.GenerationError",
    "composer_app.models.training.errors.TrainingError", "composer_app.audio.errors.AudioError",
])
def test_each_area_has_a_user_facing_error_that_is_not_a_value_error(name):
    """Bugs raise ValueError; a user's error must not be mistaken for one (or the other way round)."""
    cls = _error_classes()[name]
    assert issubclass(cls, ComposerError) and not issubclass(cls, ValueError)


def test_cancellations_share_one_base():
    """Every "the user stopped it" exception is a Cancelled, so one handler can tell it from a failure."""
    from composer_app.audio.errors import RenderCancelled
    from composer_app.models.errors import GenerationCancelled
    from composer_app.models.training.errors import TrainingCancelled

    assert all(issubclass(c, Cancelled) for c in (RenderCancelled, GenerationCancelled, TrainingCancelled))


def test_user_message_says_what_happened_then_what_to_do():
    """The hint follows the first line of the message."""
    from composer_app.music.errors import MusicFileError

    exc = MusicFileError("tune.mid", "not a MIDI file")
    assert user_message(exc).startswith("tune.mid: not a MIDI file. Check that it is a MIDI")
    assert user_message(ComposerError("plain")) == "plain"


def test_cli_reports_a_user_error_in_one_line(capsys):
    """A ComposerError from a command: exit 1 and one `composer-app: error:` line with the hint."""

    @reports_user_errors
    def command(_args):
        raise UserError("the tempo must be above 0", hint="Pass --qpm 120.")

    assert command(None) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err == "composer-app: error: the tempo must be above 0. Pass --qpm 120.\n"


def test_cli_reports_a_bug_as_a_bug_with_its_details_logged(capsys, tmp_path, monkeypatch):
    """Any other exception is not shown as the user's fault: a bug line, and the traceback in a log file."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))

    @reports_user_errors
    def command(_args):
        raise ValueError("index out of range in the encoder")

    assert command(None) == EXIT_BUG
    err = capsys.readouterr().err
    assert err.startswith("composer-app: internal error (a bug, not your doing): ValueError: index out of range")
    logs = list((tmp_path / "composer-app" / "logs").glob("bug-*.log"))
    assert len(logs) == 1 and "Traceback" in logs[0].read_text() and str(logs[0]) in err


def test_cli_output_cut_short_by_its_reader_is_not_a_bug(tmp_path):
    """`command | head`: the reader leaving ends the command quietly with 141, with no bug report or log."""
    script = ("import sys\n"
              "from composer_app.cli.errors import reports_user_errors\n"
              "@reports_user_errors\n"
              "def command(_args):\n"
              "    for k in range(100000):\n"
              "        print('line', k)\n"
              "    return 0\n"
              "sys.exit(command(None))\n")
    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", script], stdout=write, stderr=subprocess.PIPE, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[1], timeout=60)
    os.close(write)
    assert proc.returncode == 141
    assert proc.stderr == "" and not (tmp_path / "composer-app").exists()


def test_log_bug_falls_back_when_the_state_folder_is_unwritable(tmp_path, monkeypatch):
    """A read-only state folder still yields a report somewhere the user can find."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        path = log_bug(exc, details="child traceback here")
    assert path is not None and "boom" in path.read_text() and "child traceback here" in path.read_text()
