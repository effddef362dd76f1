"""The density curve: arrow keys pick a column and change it, within 1 and the maximum; set_flat evens it out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.generation.families.density_curve import COLUMNS, DensityCurve


def test_arrow_keys_shape_one_column_and_values_stay_in_range(qtbot):
    """Right moves to the next column, Up raises it by one; Down never goes below 1; the signal fires per change."""
    curve = DensityCurve(maximum=3, value=2)
    qtbot.addWidget(curve)
    changes = []
    curve.changed.connect(lambda: changes.append(curve.values()))
    QTest.keyClick(curve, Qt.Key_Right)
    QTest.keyClick(curve, Qt.Key_Up)
    QTest.keyClick(curve, Qt.Key_Up)  # already at the maximum: no change
    assert curve.values() == (2, 3) + (2,) * (COLUMNS - 2) and len(changes) == 1
    for _ in range(4):
        QTest.keyClick(curve, Qt.Key_Down)
    assert curve.values()[1] == 1 and not curve.is_flat()
    curve.set_flat(3)
    assert curve.values() == (3,) * COLUMNS and curve.is_flat()
