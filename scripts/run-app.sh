#!/usr/bin/env bash
# Install everything the app needs (system packages when allowed, a virtual environment) and start it.
set -euo pipefail
MODE=app
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh"
exec "$VENV/bin/composer-app" "$@"
