"""Turn the errors a user can cause into one-line messages and exit codes."""

from __future__ import annotations

import sys
from functools import wraps

from composer_app.music.errors import MusicFileError, PrimerError


class UserError(Exception):
    """A problem with what the user asked for, reported as one line."""


# Later packages register their own user-facing error types here (BundleError, ...).
USER_ERRORS: tuple[type[BaseException], ...] = (MusicFileError, PrimerError, UserError)


def reports_user_errors(run):
    """Print a user-caused error as `composer-app: error: ...` and return exit code 1."""

    @wraps(run)
    def wrapper(args):
        try:
            return run(args)
        except USER_ERRORS as exc:
            message = str(exc).splitlines()[0] if not isinstance(exc, PrimerError) else str(exc)
            print(f"composer-app: error: {message}", file=sys.stderr)
            return 1

    return wrapper
