"""Fill a Qt .ts file's unfinished messages from a Python table of translations (a one-off aid for translators).

    python tools/fill_translations.py composer_app/resources/i18n/composer_ja.ts TABLE.py

TABLE.py defines UI (source, or (source, disambiguation), to translation) and optionally GM_JA (128 program names
in order) and DRUMS_JA (drum name to translation). Messages it has no entry for stay unfinished and are listed.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(ts_path: str, table_path: str) -> int:
    table = runpy.run_path(table_path)
    ui = table.get("UI", {})
    names = {}
    if "GM_JA" in table:
        from composer_app.music.gm import PROGRAM_NAMES

        names.update(zip(PROGRAM_NAMES, table["GM_JA"]))
    names.update(table.get("DRUMS_JA", {}))
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source")
            comment = message.findtext("comment") or ""
            text = ui.get((source, comment), ui.get(source)) if context.findtext("name") != "gm" else names.get(source)
            translation = message.find("translation")
            if text is None:
                if translation.get("type") == "unfinished":
                    missing.append(source)
                continue
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
    ET.indent(tree, "    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    Path(ts_path).write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
