#!/usr/bin/env bash
# Add Composer to the desktop's application menu (for this user), pointing at this unpacked folder.
# Run it again after moving the folder; remove ~/.local/share/applications/composer.desktop to undo.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/composer.png" "$icons/composer.png"
sed -e "s|^Exec=Composer|Exec=\"$here/Composer\"|" "$here/composer.desktop" > "$apps/composer.desktop"
chmod +x "$apps/composer.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" >/dev/null 2>&1 || true
echo "Composer is in the application menu now ($apps/composer.desktop)."
