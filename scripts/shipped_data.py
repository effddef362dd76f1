"""The frozen source lists and prepared (encoded, split) data behind the shipped bundles."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shipped_corpora import DRUM_DATA, MUSIC21_CORPUS, SHARED, drum_sources, melody_sources  # noqa: E402

from composer_app.models.rnn.configs import get_config  # noqa: E402
from composer_app.models.training.corpus import CorpusCache, SourceFile  # noqa: E402
from composer_app.models.training.data import prepare_data  # noqa: E402

RUNS = Path.home() / ".cache" / "composer-app" / "runs"
COMMITTED = Path(__file__).resolve().parent / "data" / "melody_sources.json"  # the list the shipped bundles used
ROOT_NAMES = {"datasets": SHARED, "music21": MUSIC21_CORPUS}
COMMITTED_ABOUT = ("The frozen melody file list behind the shipped melody bundles: root ('datasets' = "
                   "../shared/datasets, 'music21' = music21's corpus), path under it, tracks, split.")


def freeze_melody_sources() -> list[SourceFile]:
    """Write today's full melody list (every file of the six collections) as the committed, frozen list."""
    sources = melody_sources()
    files = []
    for s in sources:
        root = next(name for name, folder in ROOT_NAMES.items() if s.path.is_relative_to(folder))
        files.append([root, str(s.path.relative_to(ROOT_NAMES[root])), s.tracks, s.split])
    rows = ",\n".join(json.dumps(f, ensure_ascii=False) for f in files)  # one file per line: readable diffs
    COMMITTED.write_text(f'{{"about": {json.dumps(COMMITTED_ABOUT)},\n"files": [\n{rows}\n]}}\n')
    return sources


def load_frozen() -> list[SourceFile]:
    return [SourceFile(ROOT_NAMES[root] / rel, t, s) for root, rel, t, s in json.loads(COMMITTED.read_text())["files"]]


COLLECTIONS = (  # (path part, name and licence, total files)
    ("lieder", "OpenScore Lieder voice lines (first part of each score; CC0 1.0)"),
    ("openewld", "OpenEWLD melodies (scores public domain, database MIT)"),
    ("/bach/", "Bach chorale soprano lines (public domain; music21 corpus)"),
    ("oneills1850", "O'Neill's Music of Ireland, 1850 (public domain; music21 corpus)"),
    ("ryansMammoth", "Ryan's Mammoth Collection (public domain; music21 corpus)"),
    ("airdsAirs", "Aird's Selection of Airs (public domain; music21 corpus)"),
)


def describe_melody_sources(used: list[SourceFile]) -> str:
    """Which collections, and how many of their files, the frozen list holds: the card states exactly that."""
    every = melody_sources()
    parts = []
    for key, name in COLLECTIONS:
        n_used = sum(key in str(s.path) for s in used)
        n_all = sum(key in str(s.path) for s in every)
        parts.append(f"{name}: {n_used} of {n_all} files")
    complete = len(used) == len(every)
    return ("; ".join(parts) + (". Every file of each collection was read" if complete else
            ". The list was frozen at the files parsed in time: the first files of each collection in path order")
            + " (`scripts/data/melody_sources.json`). Split: a stable hash of each file's contents sends about 10% "
            "of files to the held-out set.")


SHORT_NAMES = {"lieder": "OpenScore Lieder", "openewld": "OpenEWLD", "/bach/": "Bach chorales",
               "oneills1850": "O'Neill's", "ryansMammoth": "Ryan's Mammoth", "airdsAirs": "Aird's Airs"}


def short_data_description(config_id: str) -> str:
    """A few words for the bundle's own description (the app's model panel); the card has the full account."""
    if get_config(config_id).is_drums:
        return "the Groove MIDI Dataset (CC BY 4.0, Gillick et al. 2019)"
    used, _ = sources_for(config_id)
    names = [name for key, name in SHORT_NAMES.items() if any(key in str(s.path) for s in used)]
    return f"{len(used)} files of {', '.join(names)} (CC0 and public domain)"


def sources_for(config_id: str) -> tuple[list[SourceFile], str]:
    config = get_config(config_id)
    if config.is_drums:
        return drum_sources(), DRUM_DATA
    used = load_frozen() if COMMITTED.exists() else freeze_melody_sources()
    return used, describe_melody_sources(used)


def prepared(config_id: str):
    sources, _ = sources_for(config_id)
    return prepare_data(get_config(config_id), sources, 0.1, cache=CorpusCache())
