#!/usr/bin/env bash
# Install everything (system packages when allowed, a virtual environment with test tools) and run
# the linter and the whole test suite. Extra arguments go to pytest.
set -euo pipefail
MODE=test
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh"
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "ruff check ."
"$VENV/bin/ruff" check .
exec "$VENV/bin/python" -m pytest "$@"
