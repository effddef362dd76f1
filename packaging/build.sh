#!/usr/bin/env bash
# Build the packaged app: a PyInstaller onedir folder (dist/Composer/) and a versioned tarball, then check it.
#
#   bash packaging/build.sh            build, print the size, run the built app's --selftest, time its start-up
#   COMPOSER_WITH_TENSORFLOW=1 ...     the same with TensorFlow inside (training works; no size limit applies)
#
# PyInstaller goes into a build venv of its own (build/pyinstaller-venv) layered on the project's venv, so the
# app's venv stays as the README sets it up. The same script and packaging/composer.spec build on macOS and
# Windows (see packaging/README.md); the checks below that need Linux tools are skipped elsewhere.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${COMPOSER_VENV:-$ROOT/.venv}"
PYINSTALLER_VERSION=6.22.3
MAX_MB=400  # unpacked, without TensorFlow (issue #20)
STARTUP_RUNS=3
say() { printf '%s\n' "$*" >&2; }
started=$(date +%s)

if [ ! -x "$VENV/bin/python" ]; then
  MODE=app
  source "$ROOT/scripts/setup-env.sh"  # system libraries (FluidSynth, PortAudio, Qt's) and the project venv
fi
cd "$ROOT"
VERSION="$("$VENV/bin/python" -c 'import composer_app; print(composer_app.__version__)')"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PLATFORM=linux-x86_64 ;;
  Darwin-*) PLATFORM="macos-$(uname -m)" ;;
  MINGW*|MSYS*|CYGWIN*) PLATFORM=windows-x86_64 ;;
  *) PLATFORM="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)" ;;
esac

BUILD_VENV="${COMPOSER_BUILD_VENV:-$ROOT/build/pyinstaller-venv}"
if [ ! -x "$BUILD_VENV/bin/python" ]; then
  say "Creating the build venv in $BUILD_VENV"
  "$VENV/bin/python" -m venv "$BUILD_VENV"
fi
# The build venv sees the project venv's packages (PySide6, numpy, ...) through a .pth file.
"$VENV/bin/python" -c 'import site, os; print(os.path.realpath(site.getsitepackages()[0]))' \
  > "$("$BUILD_VENV/bin/python" -c 'import site; print(site.getsitepackages()[0])')/composer-project-venv.pth"
if ! "$BUILD_VENV/bin/python" -c "import PyInstaller, sys; sys.exit(PyInstaller.__version__ != '$PYINSTALLER_VERSION')" 2>/dev/null; then
  say "Installing PyInstaller $PYINSTALLER_VERSION into the build venv"
  "$BUILD_VENV/bin/python" -m pip install -q --disable-pip-version-check "pyinstaller==$PYINSTALLER_VERSION"
fi

say "Building with PyInstaller $PYINSTALLER_VERSION (a few minutes)"
APP="$ROOT/dist/Composer"
"$BUILD_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath "$ROOT/dist" \
  --workpath "$ROOT/build/pyinstaller" "$ROOT/packaging/composer.spec"
cp "$ROOT/packaging/composer.sh" "$ROOT/packaging/install-desktop-entry.sh" "$ROOT/packaging/composer.desktop" \
  "$ROOT/packaging/composer.png" "$ROOT/packaging/composer.svg" "$APP/"
rm -rf "$APP/licenses" && cp -r "$ROOT/packaging/licenses" "$APP/licenses"
built=$(date +%s)

size_mb=$(du -sm "$APP" | cut -f1)
with_tf=$([ "${COMPOSER_WITH_TENSORFLOW:-0}" = 1 ] && echo "with TensorFlow" || echo "without TensorFlow")
echo "build: dist/Composer in $((built - started)) s"
echo "size: ${size_mb} MB unpacked ($with_tf)"
if [ "${COMPOSER_WITH_TENSORFLOW:-0}" != 1 ] && [ "$size_mb" -gt "$MAX_MB" ]; then
  say "packaging: the app is over ${MAX_MB} MB unpacked; see what grew with: du -sm dist/Composer/_internal/* | sort -n"
  exit 1
fi

TARBALL="$ROOT/dist/composer-$VERSION-$PLATFORM.tar.gz"
tar -C "$ROOT/dist" --transform "s,^Composer,composer-$VERSION," -czf "$TARBALL" Composer
echo "tarball: dist/$(basename "$TARBALL") ($(du -m "$TARBALL" | cut -f1) MB)"

# The built app on its own: no project venv, no source tree, a fresh home.
check_home="$(mktemp -d)"
trap 'rm -rf "$check_home"' EXIT
run_app() {
  (cd "$check_home" && env -u PYTHONPATH -u VIRTUAL_ENV -u PYTHONHOME HOME="$check_home" \
    PATH=/usr/bin:/bin "$@")
}
echo "selftest: dist/Composer/Composer --selftest (offscreen)"
run_app env QT_QPA_PLATFORM=offscreen "$APP/Composer" --selftest
if command -v xvfb-run >/dev/null 2>&1; then
  # Start-up to a painted window under a real X server (Xvfb), through the bootloader: the selftest's first line.
  figures=()
  for _ in $(seq "$STARTUP_RUNS"); do
    line="$(run_app env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1600x1000x24" "$APP/Composer" --selftest 2>/dev/null | grep '^ok window:' || true)"
    [ -n "$line" ] || { say "packaging: the window did not open under Xvfb"; exit 1; }
    figures+=("$(sed -E 's/.*painted ([0-9.]+) s after.*/\1/' <<<"$line")")
  done
  median="$(printf '%s\n' "${figures[@]}" | sort -n | sed -n "$(((STARTUP_RUNS + 1) / 2))p")"
  echo "start-up: window painted ${median} s after the process started (median of $STARTUP_RUNS runs under Xvfb: ${figures[*]}; target <= 1 s)"
else
  say "start-up: xvfb-run is not installed, so the start-up figure under X is skipped (the offscreen one is above)"
fi
echo "done in $(($(date +%s) - started)) s: $TARBALL"
