"""The corpus report: shares, repairs and the reason each skipped file gave nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from composer_app.music.leadsheets.extract import LeadSheet, LeadSheetFile
from composer_app.music.leadsheets.report import LeadSheetReport, why_nothing


def test_the_report_counts_files_repairs_and_reasons():
    """Two files with lead sheets and two without: a 50% share, the repairs summed, each skipped file named."""
    report = LeadSheetReport()
    sheet = LeadSheet((60,), ("C",))
    report.add(LeadSheetFile(Path("a.mxl"), [sheet, sheet], Counter(grace_notes_dropped=2)))
    report.add(LeadSheetFile(Path("b.mxl"), [sheet], Counter(grace_notes_dropped=1, chords_mapped_to_triad=1,
                                                              **{"chords_mapped_to_triad:power": 1})))
    report.add(LeadSheetFile(Path("c.mxl"), [], Counter(songs_without_chord_symbols=1)))
    report.add(LeadSheetFile(Path("d.mxl"), error="not a readable musicxml file"))
    assert (report.files, report.files_with_lead_sheets, report.lead_sheets, report.share) == (4, 2, 3, 0.5)
    text = "\n".join(report.lines())
    assert "grace notes dropped 3" in text and "mapped to triads: power 1" in text
    assert "c.mxl: no chord symbols (ask for inferred chords)" in text
    assert "d.mxl: unreadable: not a readable musicxml file" in text
    assert report.skipped == Counter({"no chord symbols": 1, "unreadable": 1})


def test_a_file_with_nothing_at_all_says_no_notes():
    """No counts and no error: "no notes"."""
    assert why_nothing(LeadSheetFile(Path("e.mid"))) == "no notes"
