"""Turn the errors a user can cause into one-line messages and exit codes."""

from __future__ import annotations

import sys
from functools import wraps

from composer_app.music.errors import MusicFileError, PrimerError


class UserError(Exception):
    """A problem with what the user asked for, reported as one line."""


def _user_errors() -> tuple[type[BaseException], ...]:
    """Errors whose message is meant for the user; model errors load only when a command needs them."""
    errors: list[type[BaseException]] = [MusicFileError, PrimerError, UserError]
    models = sys.modules.get("composer_app.models.errors")
    if models is not None:
        errors += [models.BundleError, models.GenerationError, models.GenerationCancelled]
    return tuple(errors)


def reports_user_errors(run):
    """Print a user-caused error as `composer-app: error: ...` and return exit code 1."""

    @wraps(run)
    def wrapper(args):
        try:
            return run(args)
        except _user_errors() as exc:
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            print(f"composer-app: error: {message}", file=sys.stderr)
            return 1

    return wrapper
