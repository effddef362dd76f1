"""The keyboard beside the roll: piano keys with note names, or drum names, and key previews."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from composer_app.gui.roll.keyboard_strip import KeyboardStrip
from composer_app.gui.roll.lanes import chromatic_lanes, kit_lanes
from composer_app.gui.roll.viewport import RollViewport
from composer_app.gui.shell.theme import DARK


@pytest.fixture
def strip(qtbot):
    vp = RollViewport()
    widget = KeyboardStrip(vp)
    vp.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(DARK.keyboard_width, 400)
    vp.set_size(800, 400)
    widget.show()
    return widget


def test_drum_names_widen_the_strip(strip):
    """Drum names need room: the strip grows for a drum track and shrinks back."""
    strip.set_drum_names(True)
    assert strip.width() == DARK.drum_keyboard_width
    strip.set_drum_names(False)
    assert strip.width() == DARK.keyboard_width


def test_click_previews_the_pitch_of_its_row(strip, qtbot):
    """Pressing a key emits its pitch, in the chromatic and the kit lanes."""
    vp = strip.viewport
    vp.set_lanes(chromatic_lanes())
    vp.scroll_to(top_row=vp.lanes.row_of(72))
    y = round(vp.row_to_y(vp.lanes.row_of(67)) + vp.row_height / 2)
    with qtbot.waitSignal(strip.key_pressed) as blocker:
        QTest.mousePress(strip, Qt.LeftButton, Qt.NoModifier, QPoint(5, y))
    QTest.mouseRelease(strip, Qt.LeftButton, Qt.NoModifier, QPoint(5, y))
    assert blocker.args == [67]
    vp.set_lanes(kit_lanes())
    y = round(vp.row_to_y(8) + vp.row_height / 2)
    with qtbot.waitSignal(strip.key_pressed) as blocker:
        QTest.mouseClick(strip, Qt.LeftButton, Qt.NoModifier, QPoint(5, y))
    assert blocker.args == [36]
    strip.grab()  # paints the kit labels without error
