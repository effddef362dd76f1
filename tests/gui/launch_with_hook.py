"""Start the real app with a test's or benchmark's hook: `python tests/gui/launch_with_hook.py FILE.py:FUNCTION`.

The shipped entry point never runs code named by the environment or by a file. Tests and benchmarks that drive
the real app in a subprocess start it through this launcher instead, which hands FUNCTION(window) to
`composer_app.gui.shell.app.run(files, on_window=...)`. With --through-main the app starts the way
`python -m composer_app` starts it (composer_app.cli.main.main), for figures that include that path.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_hook(spec: str):
    """FUNCTION from FILE.py, given as 'FILE.py:FUNCTION'."""
    path, _, name = spec.rpartition(":")
    module_spec = importlib.util.spec_from_file_location("composer_test_hook", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return getattr(module, name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hook", help="FILE.py:FUNCTION, called with the main window once it is shown")
    parser.add_argument("--through-main", action="store_true",
                        help="start through composer_app.cli.main.main, as `python -m composer_app` does")
    parser.add_argument("--first-start", action="store_true",
                        help="start as the very first start does (with the demo); otherwise it counts as a later one")
    parser.add_argument("files", nargs="*", help="files for the app to open")
    args = parser.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))

    def on_window(window) -> None:
        # Loaded only now, so that start-up figures measure the app's own imports first.
        load_hook(args.hook)(window)

    from composer_app.gui.shell import app

    if not args.first_start:
        # Tests and benchmarks drive an app with the song they expect, not the demo of a first start.
        from composer_app.gui.shell.settings import AppSettings

        AppSettings().mark_first_start_done()
    if not args.through_main:
        return app.run(args.files, on_window=on_window)
    from functools import partial

    from composer_app.cli import main as cli_main

    app.run = partial(app.run, on_window=on_window)  # run_gui imports `run` from the module when it is called
    return cli_main.main(args.files)


if __name__ == "__main__":
    sys.exit(main())
