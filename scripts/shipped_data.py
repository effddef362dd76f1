"""The frozen source lists and prepared (encoded, split) data behind the shipped bundles."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shipped_corpora import (  # noqa: E402
    ASAP_DATA,
    CHORALE_DATA,
    DRUM_DATA,
    MUSIC21_CORPUS,
    SHARED,
    asap_performance_sources,
    chorale_sources,
    drum_sources,
    improv_sources,
    melody_sources,
)

from composer_app.models.rnn.configs import get_config  # noqa: E402
from composer_app.models.training.corpus import CorpusCache, SourceFile  # noqa: E402
from composer_app.models.training.data import prepare_data  # noqa: E402

RUNS = Path.home() / ".cache" / "composer-app" / "runs"
COMMITTED = Path(__file__).resolve().parent / "data" / "melody_sources.json"  # the list the shipped bundles used
ROOT_NAMES = {"datasets": SHARED, "music21": MUSIC21_CORPUS}
IMPROV_COMMITTED = Path(__file__).resolve().parent / "data" / "improv_sources.json"
IMPROV_ABOUT = ("The frozen lead-sheet file list behind the shipped chord_pitches_improv bundle: root ('datasets' = "
                "../shared/datasets), path under it, tracks (the Lieder: the voice, with chords from the "
                "analysis_automatic.rntxt beside the score), split (null: held out by file content).")
COMMITTED_ABOUT = ("The frozen melody file list behind the shipped melody bundles: root ('datasets' = "
                   "../shared/datasets, 'music21' = music21's corpus), path under it, tracks, split.")


def freeze_melody_sources() -> list[SourceFile]:
    """Write today's full melody list (every file of the six collections) as the committed, frozen list."""
    sources = melody_sources()
    _write_list(COMMITTED, COMMITTED_ABOUT, sources)
    return sources


def _write_list(path: Path, about: str, sources: list[SourceFile]) -> None:
    files = []
    for s in sources:
        root = next(name for name, folder in ROOT_NAMES.items() if s.path.is_relative_to(folder))
        files.append([root, str(s.path.relative_to(ROOT_NAMES[root])), s.tracks, s.split])
    rows = ",\n".join(json.dumps(f, ensure_ascii=False) for f in files)  # one file per line: readable diffs
    path.write_text(f'{{"about": {json.dumps(about)},\n"files": [\n{rows}\n]}}\n')


def load_frozen(path: Path = COMMITTED) -> list[SourceFile]:
    return [SourceFile(ROOT_NAMES[root] / rel, t, s) for root, rel, t, s in json.loads(path.read_text())["files"]]


def improv_list() -> list[SourceFile]:
    """The committed lead-sheet list, written from today's folders the first time."""
    if not IMPROV_COMMITTED.exists():
        _write_list(IMPROV_COMMITTED, IMPROV_ABOUT, improv_sources())
    return load_frozen(IMPROV_COMMITTED)


def describe_improv_sources(used: list[SourceFile]) -> str:
    """The card's account of the lead sheets: which collections, how many files, where the chords come from."""
    ewld = sum("openewld" in str(s.path) for s in used)
    ewld_all = sum(1 for _ in (SHARED / "openewld" / "dataset").rglob("*.mxl"))
    lieder = sum("lieder" in str(s.path) for s in used)
    lieder_all = sum(1 for _ in (SHARED / "lieder").rglob("*.mxl"))
    return (f"OpenEWLD lead sheets, melody and chord symbols (scores public domain, database MIT): {ewld} of "
            f"{ewld_all} files; OpenScore Lieder voice lines (the first part; CC0 1.0): the {lieder} of {lieder_all} "
            "scores that have a harmony analysis beside them (analysis_automatic.rntxt, Roman numerals by "
            "AugmentedNet v1.9.1), each numeral turned into the chord symbol of its pitches (root, quality, "
            "seventh, slash bass for an inversion) on the score's measures; analyses whose measures do not line "
            "up with the score's are left out (`scripts/data/improv_sources.json`). Every lead sheet in all 12 "
            "keys, as Magenta. Split: a hash of each file's contents sends about 10% of files to the held-out set.")


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
    family = get_config(config_id).family
    if family == "polyphony":
        return f"{len(sources_for(config_id)[0])} Bach chorales of music21's corpus (public domain)"
    if family == "performance":
        return "ASAP piano performances (CC BY-NC-SA 4.0: non-commercial use only)"
    if get_config(config_id).is_drums:
        return "the Groove MIDI Dataset (CC BY 4.0, Gillick et al. 2019)"
    if get_config(config_id).needs_chords:
        return f"{len(sources_for(config_id)[0])} files of OpenEWLD and OpenScore Lieder (public domain and CC0)"
    used, _ = sources_for(config_id)
    names = [name for key, name in SHORT_NAMES.items() if any(key in str(s.path) for s in used)]
    return f"{len(used)} files of {', '.join(names)} (CC0 and public domain)"


def sources_for(config_id: str) -> tuple[list[SourceFile], str]:
    config = get_config(config_id)
    if config.family == "polyphony":
        return chorale_sources(), CHORALE_DATA
    if config.family == "performance":
        return asap_performance_sources(), ASAP_DATA
    if config.is_drums:
        return drum_sources(), DRUM_DATA
    if config.needs_chords:
        used = improv_list()
        return used, describe_improv_sources(used)
    used = load_frozen() if COMMITTED.exists() else freeze_melody_sources()
    return used, describe_melody_sources(used)


def prepared(config_id: str):
    sources, _ = sources_for(config_id)
    return prepare_data(get_config(config_id), sources, 0.1, cache=CorpusCache())
