"""Turn the errors a user can cause into one-line messages and exit codes, and report anything else as a bug."""

from __future__ import annotations

import os
import sys
from functools import wraps

from composer_app.errors import ComposerError, bug_summary, log_bug, user_message

EXIT_USER_ERROR = 1
EXIT_BUG = 70  # EX_SOFTWARE from sysexits.h: an internal error
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `command | head`


class UserError(ComposerError):
    """A problem with what the user asked for on the command line, reported as one line."""


def report_user_error(exc: ComposerError) -> int:
    """Print `composer-app: error: what happened. What to do.` on one line."""
    print(f"composer-app: error: {user_message(exc)}", file=sys.stderr)
    return EXIT_USER_ERROR


def report_bug(exc: BaseException, command: str) -> int:
    """A bug: one line saying so, and the traceback in a log file the user can attach to a report."""
    log = log_bug(exc, f"command: {command}")
    where = f"; the details are in {log}" if log else ""
    print(f"composer-app: internal error (a bug, not your doing): {bug_summary(exc)}{where}", file=sys.stderr)
    return EXIT_BUG


def reports_user_errors(run):
    """Run a command: a ComposerError prints one line and returns 1; any other exception is reported as a bug."""

    @wraps(run)
    def wrapper(args):
        try:
            return run(args)
        except ComposerError as exc:
            return report_user_error(exc)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BrokenPipeError:
            # The reader (`| head`) left: not a bug. Point stdout at nothing so that the flush at exit is quiet too.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_BROKEN_PIPE
        except Exception as exc:
            return report_bug(exc, " ".join(sys.argv))

    return wrapper
