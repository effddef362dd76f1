"""Lead sheets that work: the share of OpenEWLD files that give at least one Improv RNN training example, ours
(chord_pitches_improv, and the triad configs basic_improv / attention_improv) against Magenta 2.1.4's pipeline.

  PYTHONPATH=. .venv/bin/python benchmarks/bench_lead_sheets.py [DATA_DIR] [--limit N]

An example counts when it encodes with the config's own encoder (melody squashed into the model's range, chords
as the config reads them). Magenta's figures come from benchmarks/data/magenta_lead_sheets_openewld.json, made by
scripts/magenta_lead_sheets.py (its docstring says how to remake it; it takes some minutes).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer_app.music.leadsheets.extract import LeadSheetFile, LeadSheetSettings, extract_lead_sheets  # noqa: E402
from composer_app.music.leadsheets.report import LeadSheetReport  # noqa: E402
from composer_app.music.leadsheets.sources import LEAD_SHEET_SUFFIXES, read_lead_sheet_songs  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "openewld" / "dataset"
MAGENTA_JSON = ROOT / "benchmarks" / "data" / "magenta_lead_sheets_openewld.json"
TARGET = 0.95


def encodes(lead_sheet, config) -> bool:
    """Whether the config's encoder takes the lead sheet, as Magenta's EncoderPipeline encodes one."""
    from composer_app.music.events import Melody

    melody = Melody(lead_sheet.melody, steps_per_bar=lead_sheet.steps_per_bar)
    melody.squash(config.min_note, config.max_note, config.transpose_to_key)
    try:
        config.encoder().inputs_array(lead_sheet.chords, list(melody))
    except Exception:
        return False
    return len(melody) >= 2


def ours(files: list[Path]) -> dict[str, LeadSheetReport]:
    """Our reports per chord reading: every file read once, extracted for the pitch and the triad encodings."""
    from composer_app.models.rnn.configs import get_config

    configs = {"chord_pitches_improv": (False, get_config("chord_pitches_improv")),
               "basic_improv / attention_improv": (True, get_config("basic_improv"))}
    reports = {name: LeadSheetReport() for name in configs}
    for path in files:
        counts: Counter = Counter()
        try:
            songs, error = read_lead_sheet_songs(path, counts), None
        except Exception as exc:  # the report says which and why
            songs, error = [], getattr(exc, "problem", str(exc))
        for name, (triads, config) in configs.items():
            result = LeadSheetFile(path, counts=Counter(counts), songs=len(songs), error=error)
            for song in songs:
                found, _ = extract_lead_sheets(song, LeadSheetSettings(triads=triads), result.counts)
                result.lead_sheets += [s for s in found if encodes(s, config)]
            reports[name].add(result)
    return reports


def magenta(files: list[Path], data: Path) -> dict[str, tuple[int, int]] | None:
    """(files with examples, files) per config from the cached Magenta run, over the same files; None if absent."""
    if not MAGENTA_JSON.exists():
        return None
    cached = json.loads(MAGENTA_JSON.read_text())
    per_file = cached["per_file"]
    names = [str(p.relative_to(data)) for p in files]
    return {config: (sum(1 for n in names if per_file.get(n, {}).get(config, 0) > 0), len(names))
            for config in ("chord_pitches_improv", "basic_improv")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="only the first N files (a quick look)")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    files = sorted(p for p in data.rglob("*") if p.suffix.lower() in LEAD_SHEET_SUFFIXES)[: args.limit]
    if not files:
        print(f"lead sheets: skipped, no lead sheets at {data}")
        return 0
    start = time.perf_counter()
    reports = ours(files)
    elapsed = time.perf_counter() - start
    print(f"ours ({elapsed:.0f} s, {len(files) / elapsed:.1f} files/s):")
    for name, report in reports.items():
        print(f"  {name}: {report.files_with_lead_sheets}/{report.files} files = {100 * report.share:.1f}%")
        for line in report.lines():
            print("    " + line)
    theirs = magenta(files, data) if data == DATA.resolve() else None
    if theirs is None:
        print("Magenta: no cached run for this folder (scripts/magenta_lead_sheets.py makes one)")
        return 0
    for config, (good, total) in theirs.items():
        print(f"Magenta 2.1.4 {config}: {good}/{total} files = {100 * good / total:.1f}%")
    # The triad configs are held against Magenta's basic_improv, which reads chords as triads too.
    ok = all(report.share >= TARGET and report.files_with_lead_sheets > theirs[magenta_id][0]
             for magenta_id, report in zip(("chord_pitches_improv", "basic_improv"), reports.values()))
    print(f"target (ours >= {100 * TARGET:.0f}% and above Magenta's): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
