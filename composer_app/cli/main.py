"""Entry point: parse the command line and dispatch to a subcommand, or start the GUI."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from pathlib import Path

from composer_app import APP_NAME, __version__

# Each module exposes `add_parser(subparsers)`; the parser it adds sets `func` to a `run(args) -> int`.
# Later features (generate, train, render, ...) add their module name here.
COMMAND_MODULES = ("info", "convert", "render", "play", "generate", "inspect_bundle", "score", "train", "music_vae")
# The names those modules give their commands, known without importing them (a test keeps the two in step):
# a first argument among them is always a command, even where a file or folder of that name exists.
COMMAND_NAMES = ("gui", "info", "convert", "render", "play", "generate", "inspect", "score", "evaluate", "train", "vae")


class OneLineParser(argparse.ArgumentParser):
    """A wrong flag or value is one `composer-app: error:` line, like every other user error, not a usage block."""

    def error(self, message: str):
        print(f"composer-app: error: {message}; run `{self.prog} --help` for the options", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="composer-app",
        description=f"{APP_NAME}: compose with Magenta's generative models. "
        "Run with no command to open the app; the commands below work without a display.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--selftest", action="store_true",
                        help="check this installation without a display (window, models, sound, MIDI) and exit; "
                        "it must come first (`composer-app --selftest --help` shows its options)")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the app (the default with no command)")
    gui.add_argument("files", nargs="*", help="music files or a project to open")
    gui.set_defaults(func=run_gui)
    for name in COMMAND_MODULES:
        import_module(f"composer_app.cli.{name}").add_parser(sub)
    return parser


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(args: argparse.Namespace) -> int:
    if not has_display():
        print(
            f"{APP_NAME} needs a display to open its window, and none was found (DISPLAY is not set).\n"
            "Everything below works without one; run `composer-app COMMAND --help` for details.\n",
            file=sys.stderr,
        )
        build_parser().print_help(sys.stderr)
        return 2
    from composer_app.gui.shell.app import run

    return run(list(getattr(args, "files", [])))


def selftest(argv: list[str]) -> int:
    """`composer-app --selftest [--screenshot FILE]`: headless (offscreen) unless a display is there."""
    parser = OneLineParser(prog="composer-app --selftest",
                           description="Check this installation and exit: 0 when every check passed.")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="also save a picture of the window once it has generated")
    args = parser.parse_args(argv)
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from composer_app.cli.selftest import run_selftest

    def load_commands() -> list[str]:
        build_parser()
        return list(COMMAND_NAMES)

    return run_selftest(args.screenshot, load_commands)


def _opens_the_app(argv: list[str]) -> bool:
    """No arguments, or only files to open: the app, without building the command parser.

    Building it imports every command module (the model registry and numpy among them), which the window
    does not need before its first frame. A command name first is a command even if a file or folder of that
    name is in the current folder (open such a file with `composer-app gui play` or `./play`), and folders are
    not files to open.
    """
    if argv and argv[0] in COMMAND_NAMES:
        return False
    return all(not a.startswith("-") and os.path.isfile(a) for a in argv)


def main(argv: list[str] | None = None) -> int:
    called_as_program = argv is None  # tests and other callers pass argv and keep their process
    if called_as_program and getattr(sys, "frozen", False):
        import multiprocessing

        # Training runs in spawned processes: in a packaged app a child re-runs this entry point and must become
        # the worker instead of a second app. Checked first so that the usual start-up skips the import.
        multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--selftest"]:
        return selftest(argv[1:])
    if _opens_the_app(argv) and has_display():
        return run_gui(argparse.Namespace(files=argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", run_gui)
    try:
        code = int(func(args) or 0)
    except KeyboardInterrupt:
        code = 130
    if called_as_program:
        exit_at_once_after_tensorflow(code)  # only `train` loads TensorFlow
    return code


def exit_at_once_after_tensorflow(code: int) -> None:
    """End a command-line process that loaded TensorFlow without tearing the interpreter down.

    Python's orderly shutdown spends most of a second unloading TensorFlow (measured 0.8-1.0 s on 2 cores),
    a third of a one-shot generate run. By now every file is written and closed, and nothing registers exit
    handlers, so only the standard streams need flushing.
    """
    if "tensorflow" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
