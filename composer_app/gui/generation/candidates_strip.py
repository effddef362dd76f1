"""The candidates strip: every generated variation as a small piano-roll card, plus the history of result sets.

Cards only emit intents (select, keep, discard, audition); GenerationController acts on them. A card can be
dragged out of the window as a .mid file.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer_app.gui.audio.dragout import install_midi_drag
from composer_app.gui.shell.i18n import Retranslating, tr
from composer_app.music.song import Note, Song

CARD_WIDTH = 180
THUMB_HEIGHT = 64


@dataclass(frozen=True)
class CandidateView:
    """What a card shows: the candidate's generated notes (primer excluded) and where they came from."""

    set_id: int
    index: int
    song: Song = field(repr=False)  # the candidate as generated (primer included), for audition and drag-out
    new_notes: tuple[Note, ...] = field(repr=False)  # what Keep inserts
    seam_tick: int = 0  # where generated material starts
    label: str = ""
    is_drums: bool = False
    seed: int | None = None  # the request's seed, shown so that a class can reproduce the set
    temperature: float | None = None
    parts: tuple = field(default=(), repr=False)  # Tracks, placed: a clip of several parts (a trio) keeps into each

    def caption(self) -> str:
        """The card's line under its number: temperature and seed in the current language (else the stored label)."""
        if self.seed is None or self.temperature is None:
            return self.label
        return tr("T {0:g} · seed {1}").format(self.temperature, self.seed)


@dataclass
class ResultSet:
    set_id: int
    label: str  # settings, e.g. "attention_rnn · T 1.0 · seed 42 · 4 bars"
    candidates: list[CandidateView]
    settings: dict


class Thumbnail(QWidget):
    """A tiny piano roll of the candidate: primer greyed, generated notes in colour, seam marked."""

    def __init__(self, view: CandidateView, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.setFixedSize(CARD_WIDTH - 12, THUMB_HEIGHT)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1d2230"))
        notes = [n for t in self.view.song.tracks for n in t.notes]
        if not notes:
            painter.end()
            return
        end = max(n.end for n in notes) or 1
        lo = min(n.pitch for n in notes) - 1
        hi = max(n.pitch for n in notes) + 1
        w, h = self.width(), self.height()
        sx, sy = w / end, h / max(hi - lo, 1)
        new = set(self.view.new_notes)
        for n in notes:
            color = QColor("#f2a541") if n in new or n.start >= self.view.seam_tick else QColor("#6b7389")
            painter.fillRect(QRectF(n.start * sx, h - (n.pitch - lo + 1) * sy, max(n.duration * sx, 1.5),
                                    max(sy, 1.5)), color)
        seam_x = self.view.seam_tick * sx
        painter.setPen(QPen(QColor("#e8e8e8"), 1, Qt.DashLine))
        painter.drawLine(int(seam_x), 0, int(seam_x), h)
        painter.end()


class CandidateCard(QFrame):
    selected = Signal(object)  # CandidateView
    keep_requested = Signal(object)
    discard_requested = Signal(object)
    audition_requested = Signal(object)

    def __init__(self, view: CandidateView, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.setObjectName(f"candidate_{view.index + 1}")
        self.setFrameShape(QFrame.StyledPanel)
        self.setFixedWidth(CARD_WIDTH)
        self.setCursor(Qt.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        # Captions come from project files too: escaped.
        title = QLabel(tr("<b>#{0}</b> {1}").format(view.index + 1, html.escape(view.caption())))
        title.setObjectName("candidate_caption")
        if view.seed is not None:
            title.setToolTip(tr("Seed {0}: lock this seed in the panel to generate this set again").format(view.seed))
        title.setTextFormat(Qt.RichText)
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(Thumbnail(view))
        buttons = QHBoxLayout()
        self.play_button = QToolButton()
        self.play_button.setText("▶")
        self.play_button.setToolTip(tr("Audition this variation in the song"))
        self.play_button.clicked.connect(lambda: self.audition_requested.emit(self.view))
        self.keep_button = QPushButton(tr("Keep"))
        self.keep_button.setObjectName("keep_button")
        self.keep_button.setToolTip(tr("Insert into the track after the primer (undoable)"))
        self.keep_button.clicked.connect(lambda: self.keep_requested.emit(self.view))
        discard = QToolButton()
        discard.setText("✕")
        discard.setToolTip(tr("Discard this variation"))
        discard.clicked.connect(lambda: self.discard_requested.emit(self.view))
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.keep_button, 1)
        buttons.addWidget(discard)
        layout.addLayout(buttons)
        self.setToolTip(tr("Click to overlay on the roll; drag out to export as MIDI"))
        self.set_highlighted(False)
        # The same press-and-move gesture as every other MIDI drag source in the app.
        self.drag_starter = install_midi_drag(self, self.drag_source)

    def set_highlighted(self, on: bool) -> None:
        self.setStyleSheet("CandidateCard { border: 2px solid %s; border-radius: 6px; }"
                           % ("#f2a541" if on else "#3a4152"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.LeftButton:
            self.selected.emit(self.view)
        super().mousePressEvent(event)

    def drag_source(self) -> tuple[Song, str]:
        return self.view.song, f"candidate-{self.view.set_id}-{self.view.index + 1}"


class CandidatesStrip(Retranslating, QWidget):
    """A history combo and a scrolling row of cards for the chosen result set."""

    candidate_selected = Signal(object)
    keep_requested = Signal(object)
    discard_requested = Signal(object)
    audition_requested = Signal(object)
    set_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sets: list[ResultSet] = []
        self._cards: list[CandidateCard] = []
        self._current: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.results_label = QLabel()
        top.addWidget(self.results_label)
        self.history = QComboBox()
        self.history.setObjectName("result_history")
        self.history.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.history.currentIndexChanged.connect(self._on_history)
        top.addWidget(self.history, 1)
        layout.addLayout(top)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setMinimumHeight(THUMB_HEIGHT + 90)  # title, thumbnail and the Keep row stay visible
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.row = QWidget()
        self.row_layout = QHBoxLayout(self.row)
        self.row_layout.setContentsMargins(0, 0, 0, 0)
        self.row_layout.addStretch(1)
        self.scroll.setWidget(self.row)
        layout.addWidget(self.scroll)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.row_layout.insertWidget(0, self.empty, 10)
        self.retranslate()

    def retranslate(self) -> None:
        """Its texts, and the cards of the set shown, in the current language."""
        self.results_label.setText(tr("Results"))
        self.empty.setText(tr("Generated variations appear here: draw a primer and press Generate (Ctrl+G)."))
        shown = self.current_set()
        if shown is not None:
            self._show(shown)

    @property
    def cards(self) -> list[CandidateCard]:
        return list(self._cards)

    def add_set(self, result_set: ResultSet) -> None:
        self.sets.append(result_set)
        self.history.blockSignals(True)
        self.history.addItem(f"{result_set.set_id}. {result_set.label}", result_set.set_id)
        self.history.setCurrentIndex(self.history.count() - 1)
        self.history.blockSignals(False)
        self._show(result_set)

    def clear_sets(self) -> None:
        """Forget every result set (another project was opened)."""
        self.sets = []
        self.history.blockSignals(True)
        self.history.clear()
        self.history.blockSignals(False)
        self._show(ResultSet(0, "", [], {}))

    def current_set(self) -> ResultSet | None:
        return next((s for s in self.sets if s.set_id == self._current), None)

    def remove_candidate(self, view: CandidateView) -> None:
        for s in self.sets:
            if s.set_id == view.set_id:
                s.candidates = [c for c in s.candidates if c.index != view.index]
                if s.set_id == self._current:
                    self._show(s)

    def highlight(self, view: CandidateView | None) -> None:
        for card in self._cards:
            card.set_highlighted(view is not None and card.view == view)

    def _on_history(self, index: int) -> None:
        set_id = self.history.itemData(index)
        chosen = next((s for s in self.sets if s.set_id == set_id), None)
        if chosen is not None:
            self._show(chosen)
            self.set_changed.emit(set_id)

    def _show(self, result_set: ResultSet) -> None:
        self._current = result_set.set_id
        for card in self._cards:
            self.row_layout.removeWidget(card)
            card.deleteLater()
        self._cards = []
        self.empty.setVisible(not result_set.candidates)
        for view in result_set.candidates:
            card = CandidateCard(view)
            card.selected.connect(self.candidate_selected)
            card.keep_requested.connect(self.keep_requested)
            card.discard_requested.connect(self.discard_requested)
            card.audition_requested.connect(self.audition_requested)
            self.row_layout.insertWidget(self.row_layout.count() - 1, card)
            self._cards.append(card)
