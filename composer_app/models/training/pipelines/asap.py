"""The ASAP piano dataset as training sources: its MIDI performances (not its scores), grouped by piece."""

from __future__ import annotations

import csv
from pathlib import Path

METADATA = "metadata.csv"
_COLUMNS = {"composer", "title", "midi_performance"}


def asap_sources(folder: Path) -> list[tuple[Path, str]] | None:
    """(path, piece) of every performance listed in an ASAP folder's metadata.csv: ASAP's README names the
    (composer, title) pair as what identifies a piece, so grouping by it puts versions in two folders (with and
    without repeats) and all their performers on one side of the split. None when the folder is not ASAP's."""
    listing = Path(folder) / METADATA
    if not listing.is_file():
        return None
    try:
        with open(listing, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeError, csv.Error):
        return None
    if not rows or not set(rows[0]) >= _COLUMNS:
        return None
    found: dict[Path, str] = {}
    for row in rows:
        path = Path(folder) / row["midi_performance"]
        if row["midi_performance"] and path.is_file():
            found.setdefault(path, f"{row['composer']}|{row['title']}")
    return sorted(found.items())
