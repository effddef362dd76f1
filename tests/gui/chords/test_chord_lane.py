"""The chord lane as a user drives it: double-click to type, drag to move, Delete to remove, each undoable."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from composer_app.music.song import ChordSymbol
from tests.gui.roll_helpers import drag, redo, undo

BAR = 3840
BEAT = 960


def x_of(editor, tick: float) -> int:
    return round(editor.viewport.tick_to_x(tick))


def type_chord(editor, x: int, text: str) -> None:
    """Double-click the lane at x, type text and press Enter."""
    lane = editor.chord_lane
    QTest.mouseDClick(lane, Qt.LeftButton, Qt.NoModifier, QPoint(x, lane.height() // 2))
    assert lane.field.isVisible()
    lane.field.selectAll()
    QTest.keyClicks(lane.field, text)
    QTest.keyClick(lane.field, Qt.Key_Return)


def chords(editor) -> list[tuple[int, str]]:
    return [(c.tick, c.figure) for c in editor.document.song.chords]


class _signals:
    """Collects the editor's status messages while in the with block."""

    def __init__(self, editor):
        self.editor = editor
        self.seen: list[str] = []

    def __enter__(self):
        self.editor.status_message.connect(self.seen.append)
        return self.seen

    def __exit__(self, *exc):
        self.editor.status_message.disconnect(self.seen.append)


def test_double_click_types_a_chord_on_the_beat_under_the_mouse(editor):
    """A double-click a little after beat 2 of bar 2 puts the chord on that beat; undo and redo swap it."""
    type_chord(editor, x_of(editor, BAR + BEAT + 200), "Am7")
    assert chords(editor) == [(BAR + BEAT, "Am7")]
    assert not editor.chord_lane.field.isVisible()
    undo(editor)
    assert chords(editor) == []
    redo(editor)
    assert chords(editor) == [(BAR + BEAT, "Am7")]


def test_several_chords_and_slash_and_no_chord_symbols(editor):
    """C, G/B and N.C. typed on three bars are kept in time order, as typed."""
    for bar, text in ((2, "N.C."), (0, "C"), (1, "G/B")):
        type_chord(editor, x_of(editor, bar * BAR + 10), text)
    assert chords(editor) == [(0, "C"), (BAR, "G/B"), (2 * BAR, "N.C.")]


def test_double_clicking_a_chord_edits_it(editor):
    """Retyping a chord's label changes it in one undo step; the old figure comes back on undo."""
    type_chord(editor, x_of(editor, 10), "C")
    type_chord(editor, x_of(editor, 0) + 6, "Cmaj7")
    assert chords(editor) == [(0, "Cmaj7")]
    undo(editor)
    assert chords(editor) == [(0, "C")]


def test_a_bad_symbol_is_refused_with_the_reason(editor):
    """"H7" is not a chord: nothing changes, the field stays open, marked, and says what a chord looks like."""
    lane = editor.chord_lane
    before = editor.document.undo_stack.count()
    with _signals(editor) as seen:
        type_chord(editor, x_of(editor, 10), "H7")
    assert chords(editor) == [] and editor.document.undo_stack.count() == before
    assert lane.field.isVisible() and "H7" in lane.last_error and "N.C." in lane.last_error
    assert seen and "H7" in seen[-1] and lane.field.toolTip() == lane.last_error
    QTest.keyClick(lane.field, Qt.Key_Escape)
    assert not lane.field.isVisible() and chords(editor) == []


def test_the_refusal_reads_in_japanese(editor):
    """In Japanese the parser's reason and the hint are both translated, joined as a Japanese sentence."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from composer_app.gui.shell import language

    language.install_language("ja")
    QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)
    try:
        type_chord(editor, x_of(editor, 10), "H7")
        message = editor.chord_lane.last_error
    finally:
        language.install_language("en")
        QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)
    assert "不明なコード記号" in message and "音名 A〜G" in message and "ルート音" in message and "。" in message


def test_dragging_a_chord_moves_it_by_beats_in_one_undo_step(editor):
    """A drag of about 1.4 beats lands one beat later; one undo puts it back where it was."""
    type_chord(editor, x_of(editor, BAR + 10), "F")
    count = editor.document.undo_stack.count()
    start = QPoint(x_of(editor, BAR) + 6, editor.chord_lane.height() // 2)
    drag(editor.chord_lane, start, start + QPoint(round(1.4 * BEAT * editor.viewport.px_per_tick), 0), steps=6)
    assert chords(editor) == [(BAR + BEAT, "F")]
    assert editor.document.undo_stack.count() == count + 1
    undo(editor)
    assert chords(editor) == [(BAR, "F")]


def test_delete_and_backspace_remove_the_selected_chord(editor):
    """Click a chord, press Delete: it goes (and only it); Backspace does the same; undo brings them back."""
    type_chord(editor, x_of(editor, 10), "C")
    type_chord(editor, x_of(editor, BAR + 10), "G")
    lane = editor.chord_lane
    notes_before = editor.document.song.tracks[0].notes
    for tick, key in ((BAR, Qt.Key_Delete), (0, Qt.Key_Backspace)):
        QTest.mouseClick(lane, Qt.LeftButton, Qt.NoModifier, QPoint(x_of(editor, tick) + 6, lane.height() // 2))
        assert lane.selected == tick
        QTest.keyClick(lane, key)
    assert chords(editor) == [] and editor.document.song.tracks[0].notes == notes_before
    undo(editor)
    undo(editor)
    assert chords(editor) == [(0, "C"), (BAR, "G")]


def test_the_lane_follows_the_roll_scroll_and_zoom(editor):
    """A chord's label is where the ruler puts its tick, after zooming and scrolling."""
    editor.document.edit_song(editor.document.song.replace(chords=(ChordSymbol(2 * BAR, "Dm"),)), "chords")
    editor.viewport.zoom_x(2.0)
    editor.viewport.scroll_to(left_tick=BAR)
    lane = editor.chord_lane
    x = x_of(editor, 2 * BAR)
    assert lane.chord_at_x(x + 4) == 2 * BAR and lane.chord_at_x(x - 20) is None


def test_imported_chords_show_and_unknown_ones_stay_silent(editor):
    """Chords loaded with a song are in the lane; one that cannot be read shows but plays nothing."""
    song = editor.document.song.replace(chords=(ChordSymbol(0, "C"), ChordSymbol(BAR, "Qx")))
    editor.document.load_song(song, "lead sheet")
    assert editor.chord_lane.chord_at_x(x_of(editor, BAR) + 4) == BAR
    editor.chord_lane.play_on_track()
    track = editor.document.song.tracks[-1]
    assert track.name == "Chords" and {n.start for n in track.notes} == {0}


def test_a_drag_passing_over_another_chord_leaves_it(editor):
    """Dragging C from bar 1 across G on bar 2 to bar 3 keeps G; dragging back home is a no-change."""
    type_chord(editor, x_of(editor, 10), "C")
    type_chord(editor, x_of(editor, BAR + 10), "G")
    start = QPoint(x_of(editor, 0) + 6, editor.chord_lane.height() // 2)
    drag(editor.chord_lane, start, start + QPoint(x_of(editor, 2 * BAR) - x_of(editor, 0), 0), steps=12)
    assert chords(editor) == [(BAR, "G"), (2 * BAR, "C")]
    start = QPoint(x_of(editor, 2 * BAR) + 6, editor.chord_lane.height() // 2)
    drag(editor.chord_lane, start, start + QPoint(x_of(editor, BAR) - x_of(editor, 2 * BAR), 0), steps=8)
    assert chords(editor) == [(BAR, "C")]  # dropped on G: it takes G's place
    undo(editor)
    assert chords(editor) == [(BAR, "G"), (2 * BAR, "C")]


def test_crowded_labels_do_not_overlap(editor, qtbot):
    """Zoomed far out, a chord on every beat still paints (labels that have no room become marks)."""
    figures = tuple(ChordSymbol(i * BEAT, f) for i, f in enumerate(("C", "Am7", "F", "G7") * 8))
    editor.document.edit_song(editor.document.song.replace(chords=figures), "chords")
    editor.viewport.zoom_x(0.05)
    image = editor.chord_lane.grab()
    assert not image.isNull() and image.width() == editor.chord_lane.width()


def test_the_open_field_stays_on_its_beat_while_the_roll_scrolls(editor):
    """Scrolling with the field open moves it with its beat; Enter then puts the chord on that beat."""
    lane = editor.chord_lane
    lane.open_editor(2 * BAR)
    editor.viewport.scroll_to(left_tick=BAR)
    assert abs(lane.field.x() - x_of(editor, 2 * BAR)) <= 1
    QTest.keyClicks(lane.field, "Bb7")
    QTest.keyClick(lane.field, Qt.Key_Return)
    assert chords(editor) == [(2 * BAR, "Bb7")]
