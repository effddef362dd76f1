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


def test_a_control_that_is_off_is_drawn_without_the_accent(qapp):
    """A disabled slider's filled groove (the palette's highlight) is a dim grey, not the accent a live one shows."""
    from PySide6.QtGui import QPalette

    for theme in (DARK, PROJECTOR):
        apply_theme(qapp, theme)
        pal = QApplication.palette()
        assert pal.color(QPalette.Active, QPalette.Highlight) == theme.accent
        off = pal.color(QPalette.Disabled, QPalette.Highlight)
        assert off.saturation() < 40 and off.value() < theme.accent.value() // 2
    apply_theme(qapp, DARK)


def test_projector_theme_is_high_contrast():
    """Projector colours are pure black and white with thicker lines and taller rows."""
    theme = theme_for(True)
    assert theme.background.name() == "#000000" and theme.bar_line.name() == "#ffffff"
    assert theme.row_height > DARK.row_height and theme.line_width > DARK.line_width
    assert "font-size" in stylesheet(theme, 16)
