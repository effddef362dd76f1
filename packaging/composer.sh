#!/usr/bin/env bash
# Start Composer from wherever this folder was unpacked (arguments: music files or a project to open).
# `./composer.sh --selftest` checks the installation; `./composer.sh --help` lists the commands.
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
exec "$here/Composer" "$@"
