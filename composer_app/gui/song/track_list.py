"""The track list: name, instrument (GM program or drum kit), mute, solo and colour; add, remove and reorder.

A click anywhere on a row (its name, its colour, the space around them, its buttons) selects that track; the name
is edited after a double-click or F2, and the colour changes on a double-click on its swatch.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QMouseEvent, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer_app.gui.project.document import SongDocument
from composer_app.gui.project.project_format import ProjectSong, default_look
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, tr
from composer_app.gui.song.instruments import program_name
from composer_app.music.gm import PROGRAM_NAMES
from composer_app.music.song import DRUM_CHANNEL, Track, drum_track

DRUM_KIT_ITEM = QT_TR_NOOP("Drum kit")
MARKER_WIDTH = 5  # the bar beside the selected track's row


def free_channel(tracks: tuple[Track, ...]) -> int:
    """The lowest MIDI channel no melodic track uses (never the drum channel)."""
    used = {t.channel for t in tracks if not t.is_drum}
    for channel in [c for c in range(16) if c != DRUM_CHANNEL]:
        if channel not in used:
            return channel
    return 0


def _swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QColor(color).darker(160))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class TrackRow(QWidget):
    """One track: colour swatch, name, instrument, mute and solo; any click on it selects its track."""

    def __init__(self, track_list: TrackList, index: int):
        super().__init__()
        self.track_list = track_list
        self.index = index
        doc = track_list.document
        track = doc.song.tracks[index]
        look = doc.looks[index]
        self.setObjectName(f"track_row_{index}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 3, 4, 3)
        layout.setSpacing(4)
        self.marker = QFrame(self)  # a bar in the accent colour beside the selected track
        self.marker.setFixedWidth(MARKER_WIDTH)
        self.color_button = QToolButton(self)
        self.color_button.setIcon(_swatch(look.color))
        self.color_button.setToolTip(tr("Track colour: double-click to change it"))
        self.color_button.setAutoRaise(True)
        self.name_edit = QLineEdit(track.name, self)
        self.name_edit.setObjectName("track_name")
        self.name_edit.setToolTip(tr("Track name: double-click or press F2 to rename"))
        self.name_edit.editingFinished.connect(self._rename)
        self.instrument = QComboBox(self)
        self.instrument.addItem(tr(DRUM_KIT_ITEM))
        for program in range(len(PROGRAM_NAMES)):
            self.instrument.addItem(f"{program + 1} {program_name(program)}")
        self.instrument.setCurrentIndex(0 if track.is_drum else track.program + 1)
        self.instrument.setToolTip(tr("Instrument: a General MIDI program, or the drum kit (MIDI channel 10)"))
        self.instrument.setMinimumContentsLength(14)
        self.instrument.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.instrument.currentIndexChanged.connect(self._set_instrument)
        self.mute = self._toggle(tr("M", "Mute, one letter"), tr("Mute"), look.muted, "muted")
        self.solo = self._toggle(tr("S", "Solo, one letter"), tr("Solo"), look.soloed, "soloed")
        top = QVBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.name_edit)
        top.addWidget(self.instrument)
        layout.addWidget(self.marker)
        layout.addWidget(self.color_button)
        layout.addLayout(top, 1)
        layout.addWidget(self.mute)
        layout.addWidget(self.solo)
        for child in (self.color_button, self.instrument, self.mute, self.solo):
            child.installEventFilter(self)  # they act on a click, and the click selects the track too
        self._set_editing(False)
        self.set_current(False)

    def _toggle(self, text: str, tip: str, checked: bool, field: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setChecked(checked)
        button.setObjectName(f"{field}_button")
        button.toggled.connect(lambda on: self.track_list.set_look_flag(self.index, field, on))
        return button

    # -- selecting and renaming ------------------------------------------------------------
    def set_current(self, on: bool) -> None:
        """Mark the row as the track the roll edits: an accent bar and a bold name."""
        color = self.palette().highlight().color().name() if on else "transparent"
        self.marker.setStyleSheet(f"background: {color}; border-radius: 2px;")
        font = self.name_edit.font()
        font.setBold(on)
        self.name_edit.setFont(font)

    def _set_editing(self, on: bool) -> None:
        # Until a rename starts, the name is plain text that lets clicks through to the row.
        self.name_edit.setReadOnly(not on)
        self.name_edit.setFrame(on)
        self.name_edit.setAttribute(Qt.WA_TransparentForMouseEvents, not on)
        self.name_edit.setFocusPolicy(Qt.StrongFocus if on else Qt.NoFocus)
        self.name_edit.setStyleSheet("" if on else "QLineEdit { background: transparent; border: none; }")

    @property
    def editing(self) -> bool:
        return not self.name_edit.isReadOnly()

    def start_rename(self) -> None:
        self.track_list.select_track(self.index)
        self._set_editing(True)
        self.name_edit.setFocus(Qt.OtherFocusReason)
        self.name_edit.selectAll()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.track_list.select_track(self.index)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.LeftButton:
            self.start_rename()
            return
        super().mouseDoubleClickEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.MouseButtonPress:
            self.track_list.select_track(self.index)
        elif event.type() == QEvent.MouseButtonDblClick and watched is self.color_button:
            self._pick_color()
            return True
        return False

    def _rename(self) -> None:
        if not self.editing:
            return
        self._set_editing(False)
        self.track_list.rename(self.index, self.name_edit.text())

    def _set_instrument(self, row: int) -> None:
        self.track_list.set_instrument(self.index, None if row == 0 else row - 1)

    def _pick_color(self) -> None:
        current = QColor(self.track_list.document.looks[self.index].color)
        color = QColorDialog.getColor(current, self, tr("Track colour"))
        if color.isValid():
            self.track_list.set_color(self.index, color.name())


class TrackList(Retranslating, QWidget):
    """Lists the song's tracks; the selected row is the track the roll edits."""

    status_message = Signal(str)

    def __init__(self, document: SongDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.list = QListWidget(self)
        self.list.setObjectName("track_list")
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        rename = QShortcut(QKeySequence(Qt.Key_F2), self, context=Qt.WidgetWithChildrenShortcut)
        rename.activated.connect(self.rename_current)
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.add_button = self._button(self._show_add_menu)
        self.remove_button = self._button(self.remove_current)
        self.up_button = self._button(lambda: self.move_current(-1))
        self.down_button = self._button(lambda: self.move_current(1))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self._signature: object = None
        document.state_changed.connect(self.refresh)
        document.current_track_changed.connect(self._select_row)
        self.retranslate()

    def _button(self, slot) -> QToolButton:
        button = QToolButton(self)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        """The buttons' texts and the rows (rebuilt) in the current language."""
        self.list.setToolTip(tr("Tracks: click one to edit it in the roll. Drop MIDI files here to import them as "
                                "tracks."))
        for button, text, tip in ((self.add_button, tr("+ Track"), tr("Add a track")),
                                  (self.remove_button, tr("Remove"), tr("Remove the selected track")),
                                  (self.up_button, "▲", tr("Move the track up")),
                                  (self.down_button, "▼", tr("Move the track down"))):
            button.setText(text)
            button.setToolTip(tip)
        self._signature = None
        self.refresh()

    def sizeHint(self) -> QSize:
        return QSize(330, 300)

    # -- showing -------------------------------------------------------------------------
    def refresh(self, *_args) -> None:
        """Rebuild the rows when a track's name, instrument or look changed (not for note edits)."""
        song = self.document.song
        signature = tuple((t.name, t.program, t.is_drum) for t in song.tracks) + self.document.looks
        if signature == self._signature:
            return
        self._signature = signature
        self.list.blockSignals(True)
        self.list.clear()
        widest = 0
        for i in range(len(song.tracks)):
            item = QListWidgetItem(self.list)
            row = TrackRow(self, i)
            item.setSizeHint(QSize(1, row.sizeHint().height()))  # rows take the list's width, never scroll
            self.list.setItemWidget(item, row)
            widest = max(widest, row.minimumSizeHint().width())
        # The dock may not get narrower than a row, so the mute and solo buttons always show.
        self.setMinimumWidth(widest + self.list.verticalScrollBar().sizeHint().width() + 16)
        self.list.setCurrentRow(self.document.current_track)
        self.list.blockSignals(False)
        self._mark_current()
        self.remove_button.setEnabled(len(song.tracks) > 1)

    def row_widget(self, index: int) -> TrackRow:
        return self.list.itemWidget(self.list.item(index))

    def _select_row(self, index: int) -> None:
        if self.list.currentRow() != index:
            self.list.blockSignals(True)
            self.list.setCurrentRow(index)
            self.list.blockSignals(False)
        self._mark_current()

    def _mark_current(self) -> None:
        for i in range(self.list.count()):
            row = self.row_widget(i)
            if row is not None:
                row.set_current(i == self.document.current_track)

    def select_track(self, index: int) -> None:
        """Make `index` the track the roll edits (a click on its row)."""
        if 0 <= index < len(self.document.song.tracks) and index != self.document.current_track:
            self.document.set_current_track(index)

    def rename_current(self) -> None:
        """Start editing the selected track's name (F2)."""
        row = self.row_widget(self.document.current_track) if self.list.count() else None
        if row is not None:
            row.start_rename()

    def _on_row_changed(self, row: int) -> None:
        if row >= 0:
            self.document.set_current_track(row)

    # -- edits (each one undoable) -------------------------------------------------------
    def rename(self, index: int, name: str) -> None:
        track = self.document.song.tracks[index]
        name = name.strip() or track.name
        if name != track.name:
            self.document.edit_track(index, track.replace(name=name), tr("Rename track to {0}").format(name))

    def set_instrument(self, index: int, program: int | None) -> None:
        """program None makes the track a drum kit on channel 10."""
        song = self.document.song
        track = song.tracks[index]
        if program is None:
            if track.is_drum:
                return
            new = track.replace(is_drum=True, channel=DRUM_CHANNEL, program=0)
            text = tr("Make {0} a drum track").format(track.name)
        else:
            if not track.is_drum and track.program == program:
                return
            others = song.tracks[:index] + song.tracks[index + 1:]
            channel = track.channel if not track.is_drum else free_channel(others)
            new = track.replace(is_drum=False, program=program, channel=channel)
            text = tr("Set {0} to {1}").format(track.name, program_name(program))
        self.document.edit_track(index, new, text)

    def set_look_flag(self, index: int, field: str, on: bool) -> None:
        look = self.document.looks[index]
        if getattr(look, field) != on:
            texts = {("muted", True): tr("Mute {0}"), ("muted", False): tr("Unmute {0}"),
                     ("soloed", True): tr("Solo {0}"), ("soloed", False): tr("Unsolo {0}")}
            self.document.edit_look(index, replace(look, **{field: on}),
                                    texts[field, on].format(self.document.song.tracks[index].name))

    def set_color(self, index: int, color: str) -> None:
        look = self.document.looks[index]
        self.document.edit_look(index, replace(look, color=color), tr("Change track colour"))

    def add_track(self, drums: bool = False) -> None:
        doc = self.document
        song = doc.song
        count = len(song.tracks)
        if drums:
            name = tr("Drums {0}").format(count + 1) if any(t.is_drum for t in song.tracks) else tr("Drums")
            track = drum_track(name)
        else:
            track = Track(name=tr("Track {0}").format(count + 1), program=0, channel=free_channel(song.tracks))
        state = ProjectSong(song.add_track(track), doc.looks + (default_look(count),), doc.state.length_bars)
        doc.apply(state, tr("Add {0}").format(track.name))
        doc.set_current_track(count)

    def remove_current(self) -> None:
        doc = self.document
        index = doc.current_track
        song = doc.song
        if len(song.tracks) <= 1:
            self.status_message.emit(tr("A song keeps at least one track"))
            return
        tracks = song.tracks[:index] + song.tracks[index + 1:]
        looks = doc.looks[:index] + doc.looks[index + 1:]
        doc.apply(ProjectSong(song.with_tracks(tracks), looks, doc.state.length_bars),
                  tr("Remove {0}").format(song.tracks[index].name))
        doc.set_current_track(min(index, len(tracks) - 1))

    def move_current(self, offset: int) -> None:
        doc = self.document
        index = doc.current_track
        target = index + offset
        song = doc.song
        if not 0 <= target < len(song.tracks):
            return
        tracks, looks = list(song.tracks), list(doc.looks)
        tracks[index], tracks[target] = tracks[target], tracks[index]
        looks[index], looks[target] = looks[target], looks[index]
        doc.apply(ProjectSong(song.with_tracks(tracks), tuple(looks), doc.state.length_bars),
                  (tr("Move {0} up") if offset < 0 else tr("Move {0} down")).format(song.tracks[index].name))
        doc.set_current_track(target)

    def _show_add_menu(self) -> None:
        menu = QMenu(self)
        menu.addAction(tr("Instrument track"), lambda: self.add_track(False))
        menu.addAction(tr("Drum track"), lambda: self.add_track(True))
        menu.exec(self.add_button.mapToGlobal(self.add_button.rect().bottomLeft()))
        menu.deleteLater()
