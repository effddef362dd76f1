#!/usr/bin/env bash
# Refresh the translation sources (composer_app/resources/i18n/*.ts) from the GUI's tr() calls with pyside6-lupdate,
# then compile them with pyside6-lrelease into the .qm files the app loads. Run it after changing a visible string,
# translate what it marks unfinished (Qt Linguist: pyside6-linguist FILE.ts), and run it again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${COMPOSER_VENV:-$ROOT/.venv}/bin"
cd "$ROOT"
# The GUI's tr() calls, and the core's said() texts (error messages and reports a user reads; see composer_app/said.py).
mapfile -t SOURCES < <(find composer_app -name '*.py' -not -path 'composer_app/cli/*' | sort)
I18N=composer_app/resources/i18n
# Japanese: every string. English: only the plural forms ("%n bar(s)" -> "1 bar", "2 bars").
ALIAS=(-tr-function-alias "QT_TR_NOOP+=said")
"$BIN/pyside6-lupdate" -silent -no-obsolete -locations none "${ALIAS[@]}" -target-language ja_JP "${SOURCES[@]}" -ts "$I18N/composer_ja.ts"
"$BIN/pyside6-lupdate" -silent -no-obsolete -locations none "${ALIAS[@]}" -pluralonly -target-language en_US "${SOURCES[@]}" \
  -ts "$I18N/composer_en.ts"
for ts in "$I18N"/composer_*.ts; do
  # -fail-on-unfinished: a string left untranslated stops here rather than showing in English.
  "$BIN/pyside6-lrelease" -silent -fail-on-unfinished "$ts" -qm "${ts%.ts}.qm"
done
