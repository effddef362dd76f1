#!/usr/bin/env bash
# Install everything (system packages when allowed, a virtual environment with test tools) and run
# the linter and the whole test suite, one pytest worker per core (COMPOSER_TEST_WORKERS, or `-n 0` among the extra
# arguments, sets how many). Extra arguments go to pytest.
# `--package` first (CI) also builds the packaged app after the tests pass and runs its --selftest
# (packaging/build.sh, about two minutes more).
set -euo pipefail
PACKAGE=0
if [ "${1:-}" = --package ]; then PACKAGE=1; shift; fi
MODE=test
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh"
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "ruff check ."
"$VENV/bin/ruff" check .
if [ "$PACKAGE" = 0 ]; then
  exec "$VENV/bin/python" -m pytest -n "${COMPOSER_TEST_WORKERS:-auto}" "$@"
fi
"$VENV/bin/python" -m pytest -n "${COMPOSER_TEST_WORKERS:-auto}" "$@"
echo "packaging/build.sh"
COMPOSER_VENV="$VENV" bash "$ROOT/packaging/build.sh"
