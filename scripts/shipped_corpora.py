"""The corpora behind the shipped bundles: which files, which tracks, and which split (licences in the cards)."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from composer_app.models.training.corpus import SourceFile

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
MUSIC21_CORPUS = Path(__import__("music21").__file__).parent / "corpus"

MELODY_DATA = (
    "OpenScore Lieder voice lines (CC0 1.0); OpenEWLD melodies (scores public domain, database MIT); "
    "Bach chorale soprano lines (public domain, music21 corpus); O'Neill's Music of Ireland 1850, Ryan's Mammoth "
    "Collection and Aird's Selection of Airs (public domain, music21 corpus)")
IMPROV_DATA_ABOUT = (
    "OpenEWLD lead sheets, melody with its chord symbols (scores public domain, database MIT); OpenScore Lieder "
    "voice lines (CC0 1.0) with chord symbols from the corpus's own Roman-numeral analyses "
    "(analysis_automatic.rntxt, AugmentedNet v1.9.1)")
DRUM_DATA = ("Groove MIDI Dataset, Gillick et al. 2019 (CC BY 4.0), "
             "https://magenta.tensorflow.org/datasets/groove; its own train/validation split")


def _hashed_split(path: Path, eval_ratio: float) -> str:
    h = int(hashlib.sha1(path.name.encode()).hexdigest()[:8], 16) / 16**8
    return "eval" if h < eval_ratio else "train"


def melody_sources(eval_ratio: float = 0.1) -> list[SourceFile]:
    """Lieder (voice = first part), OpenEWLD, Bach soprano (first part), folk collections; split by file."""
    groups = [
        (sorted((SHARED / "lieder").rglob("*.mxl")), "first"),
        (sorted((SHARED / "openewld" / "dataset").rglob("*.mxl")), "all"),
        (sorted((MUSIC21_CORPUS / "bach").glob("*.mxl")), "first"),
        (sorted((MUSIC21_CORPUS / "oneills1850").rglob("*.abc")), "all"),
        (sorted((MUSIC21_CORPUS / "ryansMammoth").rglob("*.abc")), "all"),
        (sorted((MUSIC21_CORPUS / "airdsAirs").rglob("*.abc")), "all"),
    ]
    return [SourceFile(p, tracks, _hashed_split(p, eval_ratio)) for paths, tracks in groups for p in paths]


def improv_sources() -> list[SourceFile]:
    """OpenEWLD (every part: each file is one lead sheet) and the Lieder scores that have a harmony analysis
    beside them (the voice, the first part). No split given: the trainer holds out by file content."""
    from composer_app.music.leadsheets.roman_analyses import analysis_path

    lieder = [p for p in sorted((SHARED / "lieder").rglob("*.mxl")) if analysis_path(p)]
    return ([SourceFile(p, "all") for p in sorted((SHARED / "openewld" / "dataset").rglob("*.mxl"))]
            + [SourceFile(p, "first") for p in lieder])


def drum_sources(include_test: bool = False) -> list[SourceFile]:
    """Groove's own split: train -> train, validation -> eval (test kept unseen unless asked)."""
    root = SHARED / "groove"
    out = []
    with open(root / "info.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            split = {"train": "train", "validation": "eval", "test": "test"}[row["split"]]
            if split == "test" and not include_test:
                continue
            out.append(SourceFile(root / row["midi_filename"], "all", split))
    return out


CHORALE_DATA = "Bach chorales, every voice (public domain, music21 corpus)"
ASAP_DATA = ("ASAP MIDI performances (Foscarin et al. 2020, CC BY-NC-SA 4.0; many from MAESTRO, CC BY-NC-SA 4.0), "
             "held out by piece (composer and title)")


def chorale_sources() -> list[SourceFile]:
    """Every Bach chorale of music21's corpus, all parts (Polyphony RNN); the trainer holds out by file content."""
    return [SourceFile(p, "all") for p in sorted((MUSIC21_CORPUS / "bach").glob("*.mxl"))]


def asap_performance_sources() -> list[SourceFile]:
    """ASAP's MIDI performances (not its quantized scores), grouped by piece so that all performances of a piece
    fall on one side of the split."""
    from composer_app.models.training.pipelines.asap import asap_sources

    return [SourceFile(path, "all", group=piece) for path, piece in asap_sources(SHARED / "asap") or []]
