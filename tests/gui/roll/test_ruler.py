"""The ruler: clicking moves the playhead, dragging the upper half sets the loop."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.gui.roll_helpers import drag


def x_of(editor, tick):
    return round(editor.viewport.tick_to_x(tick))


def test_click_in_the_lower_half_moves_the_playhead(editor, qtbot):
    """A click below the loop strip puts the playhead on the nearest grid line and asks to seek there."""
    ruler = editor.ruler
    with qtbot.waitSignal(editor.seek_requested) as blocker:
        QTest.mouseClick(ruler, Qt.LeftButton, Qt.NoModifier, QPoint(x_of(editor, 1920) + 2, ruler.height() - 4))
    assert editor.playhead == 1920
    assert blocker.args == [1920]


def test_drag_in_the_upper_half_sets_and_enables_the_loop(editor):
    """Dragging across the loop strip sets the loop region and switches looping on."""
    ruler = editor.ruler
    drag(ruler, QPoint(x_of(editor, 3840), 4), QPoint(x_of(editor, 7680), 4))
    assert editor.loop_region == (3840, 7680)
    assert editor.action_loop.isChecked()


def test_click_on_the_loop_toggles_looping(editor):
    """A click inside the loop strip switches looping off and on."""
    editor.state.set_loop(0, 3840, True)
    QTest.mouseClick(editor.ruler, Qt.LeftButton, Qt.NoModifier, QPoint(x_of(editor, 1000), 4))
    assert editor.loop_region is None
    QTest.mouseClick(editor.ruler, Qt.LeftButton, Qt.NoModifier, QPoint(x_of(editor, 1000), 4))
    assert editor.loop_region == (0, 3840)
