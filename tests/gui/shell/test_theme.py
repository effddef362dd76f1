"""Themes: projector mode scales every font and keeps the base size to return to."""

import pytest
from PySide6.QtWidgets import QApplication

from composer_app.gui.shell.theme import DARK, PROJECTOR, apply_theme, stylesheet, theme_for


def test_projector_theme_scales_fonts_and_back(qapp):
    """Applying the projector theme enlarges the app font; the dark theme restores it."""
    apply_theme(qapp, DARK)
    base = QApplication.font().pointSizeF()
    apply_theme(qapp, PROJECTOR)
    assert QApplication.font().pointSizeF() == pytest.approx(base * PROJECTOR.font_scale)
    assert f"{base * PROJECTOR.font_scale:.1f}pt" in qapp.styleSheet()
    apply_theme(qapp, DARK)
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_projector_theme_is_high_contrast():
    """Projector colours are pure black and white with thicker lines and taller rows."""
    theme = theme_for(True)
    assert theme.background.name() == "#000000" and theme.bar_line.name() == "#ffffff"
    assert theme.row_height > DARK.row_height and theme.line_width > DARK.line_width
    assert "font-size" in stylesheet(theme, 16)
