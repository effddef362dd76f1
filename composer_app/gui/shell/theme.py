"""Colours and sizes of the app: a dark DAW theme and a high-contrast, large-type projector theme."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Theme:
    """Everything the custom-painted widgets need to know to draw themselves."""

    name: str
    font_scale: float
    row_height: int
    keyboard_width: int
    drum_keyboard_width: int
    ruler_height: int
    velocity_height: int
    background: QColor
    white_row: QColor
    black_row: QColor
    row_line: QColor
    octave_line: QColor
    bar_line: QColor
    beat_line: QColor
    sub_line: QColor
    note_border: QColor
    selected_border: QColor
    note_text: QColor
    faded_alpha: int
    playhead: QColor
    loop_fill: QColor
    loop_edge: QColor
    rubber_band: QColor
    ruler_background: QColor
    ruler_text: QColor
    key_white: QColor
    key_black: QColor
    key_text: QColor
    key_line: QColor
    overlay: QColor
    window: QColor
    panel: QColor
    text: QColor
    accent: QColor
    line_width: int


DARK = Theme(
    name="dark",
    font_scale=1.0,
    row_height=14,
    keyboard_width=64,
    drum_keyboard_width=132,
    ruler_height=30,
    velocity_height=84,
    background=QColor("#1d2026"),
    white_row=QColor("#262a31"),
    black_row=QColor("#1f2228"),
    row_line=QColor("#2d3139"),
    octave_line=QColor("#3a404b"),
    bar_line=QColor("#5a6272"),
    beat_line=QColor("#3b414c"),
    sub_line=QColor("#2e333b"),
    note_border=QColor("#0d0f12"),
    selected_border=QColor("#ffffff"),
    note_text=QColor("#0d0f12"),
    faded_alpha=70,
    playhead=QColor("#ff5a4f"),
    loop_fill=QColor(255, 196, 0, 10),
    loop_edge=QColor("#ffc400"),
    rubber_band=QColor(120, 180, 255, 60),
    ruler_background=QColor("#2b2f37"),
    ruler_text=QColor("#c9ced8"),
    key_white=QColor("#e9ebef"),
    key_black=QColor("#22252b"),
    key_text=QColor("#50555f"),
    key_line=QColor("#9aa0ab"),
    overlay=QColor("#ff4fd8"),
    window=QColor("#23262d"),
    panel=QColor("#2b2f37"),
    text=QColor("#dfe3ea"),
    accent=QColor("#4fb3ff"),
    line_width=1,
)

PROJECTOR = Theme(
    name="projector",
    font_scale=1.6,
    row_height=24,
    keyboard_width=96,
    drum_keyboard_width=220,
    ruler_height=44,
    velocity_height=110,
    background=QColor("#000000"),
    white_row=QColor("#101010"),
    black_row=QColor("#000000"),
    row_line=QColor("#3c3c3c"),
    octave_line=QColor("#8a8a8a"),
    bar_line=QColor("#ffffff"),
    beat_line=QColor("#9a9a9a"),
    sub_line=QColor("#4a4a4a"),
    note_border=QColor("#000000"),
    selected_border=QColor("#ffff00"),
    note_text=QColor("#000000"),
    faded_alpha=110,
    playhead=QColor("#ff2020"),
    loop_fill=QColor(255, 255, 0, 12),
    loop_edge=QColor("#ffff00"),
    rubber_band=QColor(0, 200, 255, 80),
    ruler_background=QColor("#000000"),
    ruler_text=QColor("#ffffff"),
    key_white=QColor("#ffffff"),
    key_black=QColor("#000000"),
    key_text=QColor("#000000"),
    key_line=QColor("#000000"),
    overlay=QColor("#ff00ff"),
    window=QColor("#000000"),
    panel=QColor("#0a0a0a"),
    text=QColor("#ffffff"),
    accent=QColor("#00c8ff"),
    line_width=2,
)


def theme_for(projector: bool) -> Theme:
    return PROJECTOR if projector else DARK


def _palette(theme: Theme) -> QPalette:
    pal = QPalette()
    base = theme.panel.darker(115)
    pal.setColor(QPalette.Window, theme.window)
    pal.setColor(QPalette.WindowText, theme.text)
    pal.setColor(QPalette.Base, base)
    pal.setColor(QPalette.AlternateBase, theme.panel)
    pal.setColor(QPalette.Text, theme.text)
    pal.setColor(QPalette.Button, theme.panel)
    pal.setColor(QPalette.ButtonText, theme.text)
    pal.setColor(QPalette.ToolTipBase, theme.panel)
    pal.setColor(QPalette.ToolTipText, theme.text)
    pal.setColor(QPalette.Highlight, theme.accent)
    pal.setColor(QPalette.HighlightedText, QColor("#000000"))
    pal.setColor(QPalette.Link, theme.accent)
    pal.setColor(QPalette.PlaceholderText, theme.text.darker(160))
    for role in (QPalette.Text, QPalette.ButtonText, QPalette.WindowText):
        pal.setColor(QPalette.Disabled, role, theme.text.darker(200))
    # Fusion fills a slider's groove with the highlight: without this a slider that is off looks as live as one on.
    pal.setColor(QPalette.Disabled, QPalette.Highlight, theme.text.darker(300))
    return pal


def stylesheet(theme: Theme, point_size: float) -> str:
    border = "#ffffff" if theme.name == "projector" else "#3a3f49"
    # The size is in the style sheet too: with a style sheet active, QApplication.setFont alone does not
    # reach widgets that already exist, and projector mode must enlarge everything at once.
    return f"""
QWidget {{ font-size: {point_size:.1f}pt; }}
QToolBar {{ border: none; spacing: 4px; padding: 3px; background: {theme.panel.name()}; }}
QToolBar QLabel {{ padding: 0 4px; }}
QToolButton {{ border: 1px solid transparent; border-radius: 4px; padding: 3px 6px; }}
QToolButton:hover {{ border-color: {border}; background: {theme.window.lighter(130).name()}; }}
QToolButton:checked {{ background: {theme.accent.name()}; color: #000000; }}
QDockWidget::title {{ padding: 5px; background: {theme.panel.name()}; }}
QStatusBar {{ background: {theme.panel.name()}; }}
QListWidget, QTreeWidget {{ border: 1px solid {border}; }}
QListWidget::item:selected {{ background: {theme.accent.darker(160).name()}; }}
QMenu::separator {{ height: 1px; background: {border}; margin: 4px 8px; }}
"""


def apply_theme(app: QApplication, theme: Theme, base_point_size: float | None = None) -> None:
    """Fusion style with the theme's palette, stylesheet and font size."""
    app.setStyle("Fusion")
    app.setPalette(_palette(theme))
    font = QFont(app.font())
    base = base_point_size or app.property("composer_base_point_size") or font.pointSizeF()
    app.setProperty("composer_base_point_size", base)
    font.setPointSizeF(base * theme.font_scale)
    app.setFont(font)
    app.setStyleSheet(stylesheet(theme, base * theme.font_scale))
