"""Real lead sheets: a few OpenEWLD files each give lead sheets whose every chord the encodings take."""

from __future__ import annotations

from composer_app.music.chords import NO_CHORD, parse_chord_symbol, triad_of
from composer_app.music.leadsheets.extract import LeadSheetSettings, extract_file
from tests.conftest import shared_path

FILES = 6


def _files():
    return sorted(shared_path("datasets", "openewld", "dataset").rglob("*.mxl"))[::83][:FILES]


def test_openewld_files_give_lead_sheets_with_readable_chords():
    """Six files spread over the set: each gives a lead sheet of at least seven bars with chords on it."""
    files = _files()
    assert len(files) == FILES
    for path in files:
        result = extract_file(path)
        assert result.error is None and result.lead_sheets, (path.name, dict(result.counts))
        for sheet in result.lead_sheets:
            assert len(sheet.melody) == len(sheet.chords) >= 7 * sheet.steps_per_bar
            assert any(c != NO_CHORD for c in sheet.chords)
            for figure in set(sheet.chords):
                parse_chord_symbol(figure)


def test_openewld_chords_for_the_triad_configs_are_all_triads():
    """With triads asked for, every chord of every lead sheet is one the triad encoding takes."""
    for path in _files():
        for sheet in extract_file(path, LeadSheetSettings(triads=True)).lead_sheets:
            for figure in set(sheet.chords) - {NO_CHORD}:
                triad_of(figure)
