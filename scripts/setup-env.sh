#!/usr/bin/env bash
# Shared set-up for run-app.sh and run-tests.sh: Debian packages (when allowed), a virtual environment,
# and the project installed into it. Sourced, not run; MODE=app or MODE=test selects the extras.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${COMPOSER_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

APT_APP=(libfluidsynth3 libportaudio2
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1)
APT_TEST=(xvfb xauth)

say() { printf '%s\n' "$*" >&2; }

install_debian_packages() {
  local pkgs=("${APT_APP[@]}")
  [ "${MODE:-app}" = test ] && pkgs+=("${APT_TEST[@]}")
  command -v dpkg-query >/dev/null 2>&1 || { say "Not a Debian/Ubuntu system: install FluidSynth, PortAudio and Qt's xcb libraries with your package manager."; return 0; }
  local missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      say "Some system packages are missing and this script cannot install them without root. Run:"
      say "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
      say "Continuing without them (audio or the window may not work until they are installed)."
      return 0
    fi
  fi
  say "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
      || say "Could not install: ${missing[*]} (apt-get failed); continuing."
  fi
}

make_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  local extras="" stamp_input
  [ "${MODE:-app}" = test ] && extras="[test]"
  stamp_input="$(cat "$ROOT/pyproject.toml" "$ROOT/scripts/setup-env.sh")$extras"
  local stamp="$VENV/.composer-setup-$(printf '%s' "$stamp_input" | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    say "Installing Python packages (the first time takes a few minutes)"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT$extras"
    if [ "${MODE:-app}" = test ]; then
      # note_seq is Magenta's own library, used only as a reference in tests; its dependencies are
      # heavy and unneeded, so the tests stand in for them.
      "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps "note-seq==0.0.5"
    fi
    touch "$stamp"
  fi
}

install_debian_packages
make_venv
