"""The small line edit the chord lane opens in place to type a chord symbol."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from composer_app.gui.shell.i18n import tr

REFUSED_STYLE = "QLineEdit { border: 2px solid #ff5a4f; }"


class ChordField(QLineEdit):
    """Enter (or leaving the field) offers the text; Escape gives up. The lane decides whether to take it."""

    offered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("chord_field")
        self.setPlaceholderText(tr("C, Am7, G/B, N.C."))
        self.setMaxLength(32)
        self._done = False
        self.hide()

    def open_at(self, x: int, height: int, text: str) -> None:
        """Show the field at x with text selected, ready to type over."""
        self._done = False
        self.setStyleSheet("")
        self.setToolTip("")
        self.setText(text)
        width = max(90, self.fontMetrics().horizontalAdvance("C#m7b5/G#") + 16)
        self.setGeometry(max(0, min(x, self.parentWidget().width() - width)), 0, width, height)
        self.show()
        self.raise_()
        self.selectAll()
        self.setFocus(Qt.OtherFocusReason)

    def refuse(self, message: str) -> None:
        """Stay open, marked, with the reason as its tip, so the user can fix what they typed."""
        self._done = False
        self.setStyleSheet(REFUSED_STYLE)
        self.setToolTip(message)

    def close_field(self) -> None:
        self._done = True
        self.hide()
        if self.parentWidget() is not None:
            self.parentWidget().setFocus(Qt.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self._done = True  # until the lane refuses it
            self.offered.emit(self.text())
            return
        if event.key() == Qt.Key_Escape:
            self.close_field()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isVisible() and not self._done:
            # Clicking elsewhere keeps what was typed, as spreadsheet cells do; a refused text is dropped.
            self._done = True
            self.offered.emit(self.text())
            if self.isVisible():
                self.close_field()
