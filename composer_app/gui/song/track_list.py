"""The track list: name, instrument (GM program or drum kit), mute, solo and colour; add, remove and reorder."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
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
from composer_app.gui.shell.i18n import tr
from composer_app.music.gm import PROGRAM_NAMES
from composer_app.music.song import DRUM_CHANNEL, Track, drum_track

DRUM_KIT_ITEM = "Drum kit"


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
    """One track: colour swatch, name, instrument, mute and solo."""

    def __init__(self, track_list: TrackList, index: int):
        super().__init__()
        self.track_list = track_list
        self.index = index
        doc = track_list.document
        track = doc.song.tracks[index]
        look = doc.looks[index]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        layout.setSpacing(4)
        self.color_button = QToolButton(self)
        self.color_button.setIcon(_swatch(look.color))
        self.color_button.setToolTip(tr("Track colour"))
        self.color_button.setAutoRaise(True)
        self.color_button.clicked.connect(self._pick_color)
        self.name_edit = QLineEdit(track.name, self)
        self.name_edit.setToolTip(tr("Track name"))
        self.name_edit.editingFinished.connect(self._rename)
        self.instrument = QComboBox(self)
        self.instrument.addItem(tr(DRUM_KIT_ITEM))
        for program, name in enumerate(PROGRAM_NAMES):
            self.instrument.addItem(f"{program + 1} {name}")
        self.instrument.setCurrentIndex(0 if track.is_drum else track.program + 1)
        self.instrument.setToolTip(tr("Instrument: a General MIDI program, or the drum kit (MIDI channel 10)"))
        self.instrument.setMinimumContentsLength(14)
        self.instrument.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.instrument.currentIndexChanged.connect(self._set_instrument)
        self.mute = self._toggle("M", "Mute", look.muted, "muted")
        self.solo = self._toggle("S", "Solo", look.soloed, "soloed")
        top = QVBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.name_edit)
        top.addWidget(self.instrument)
        layout.addWidget(self.color_button)
        layout.addLayout(top, 1)
        layout.addWidget(self.mute)
        layout.addWidget(self.solo)

    def _toggle(self, text: str, tip: str, checked: bool, field: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setChecked(checked)
        button.setObjectName(f"{field}_button")
        button.toggled.connect(lambda on: self.track_list.set_look_flag(self.index, field, on))
        return button

    def _rename(self) -> None:
        self.track_list.rename(self.index, self.name_edit.text())

    def _set_instrument(self, row: int) -> None:
        self.track_list.set_instrument(self.index, None if row == 0 else row - 1)

    def _pick_color(self) -> None:
        current = QColor(self.track_list.document.looks[self.index].color)
        color = QColorDialog.getColor(current, self, "Track colour")
        if color.isValid():
            self.track_list.set_color(self.index, color.name())


class TrackList(QWidget):
    """Lists the song's tracks; the selected row is the track the roll edits."""

    status_message = Signal(str)

    def __init__(self, document: SongDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.list = QListWidget(self)
        self.list.setObjectName("track_list")
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.list.setToolTip(tr("Tracks: pick the one to edit. Drop MIDI files here to import them as tracks."))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.add_button = self._button("+ Track", "Add a track", self._show_add_menu)
        self.remove_button = self._button("Remove", "Remove the selected track", self.remove_current)
        self.up_button = self._button("▲", "Move the track up", lambda: self.move_current(-1))
        self.down_button = self._button("▼", "Move the track down", lambda: self.move_current(1))
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
        self.refresh()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

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
        self.remove_button.setEnabled(len(song.tracks) > 1)

    def row_widget(self, index: int) -> TrackRow:
        return self.list.itemWidget(self.list.item(index))

    def _select_row(self, index: int) -> None:
        if self.list.currentRow() != index:
            self.list.blockSignals(True)
            self.list.setCurrentRow(index)
            self.list.blockSignals(False)

    def _on_row_changed(self, row: int) -> None:
        if row >= 0:
            self.document.set_current_track(row)

    # -- edits (each one undoable) -------------------------------------------------------
    def rename(self, index: int, name: str) -> None:
        track = self.document.song.tracks[index]
        name = name.strip() or track.name
        if name != track.name:
            self.document.edit_track(index, track.replace(name=name), f"Rename track to {name}")

    def set_instrument(self, index: int, program: int | None) -> None:
        """program None makes the track a drum kit on channel 10."""
        song = self.document.song
        track = song.tracks[index]
        if program is None:
            if track.is_drum:
                return
            new = track.replace(is_drum=True, channel=DRUM_CHANNEL, program=0)
            text = f"Make {track.name} a drum track"
        else:
            if not track.is_drum and track.program == program:
                return
            others = song.tracks[:index] + song.tracks[index + 1:]
            channel = track.channel if not track.is_drum else free_channel(others)
            new = track.replace(is_drum=False, program=program, channel=channel)
            text = f"Set {track.name} to {PROGRAM_NAMES[program]}"
        self.document.edit_track(index, new, text)

    def set_look_flag(self, index: int, field: str, on: bool) -> None:
        look = self.document.looks[index]
        if getattr(look, field) != on:
            label = {"muted": "Mute", "soloed": "Solo"}[field]
            self.document.edit_look(index, replace(look, **{field: on}),
                                    f"{label if on else 'Un' + label.lower()} {self.document.song.tracks[index].name}")

    def set_color(self, index: int, color: str) -> None:
        look = self.document.looks[index]
        self.document.edit_look(index, replace(look, color=color), "Change track colour")

    def add_track(self, drums: bool = False) -> None:
        doc = self.document
        song = doc.song
        count = len(song.tracks)
        if drums:
            track = drum_track(f"Drums {count + 1}" if any(t.is_drum for t in song.tracks) else "Drums")
        else:
            track = Track(name=f"Track {count + 1}", program=0, channel=free_channel(song.tracks))
        state = ProjectSong(song.add_track(track), doc.looks + (default_look(count),), doc.state.length_bars)
        doc.apply(state, f"Add {track.name}")
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
                  f"Remove {song.tracks[index].name}")
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
                  f"Move {song.tracks[index].name} {'up' if offset < 0 else 'down'}")
        doc.set_current_track(target)

    def _show_add_menu(self) -> None:
        menu = QMenu(self)
        menu.addAction(tr("Instrument track"), lambda: self.add_track(False))
        menu.addAction(tr("Drum track"), lambda: self.add_track(True))
        menu.exec(self.add_button.mapToGlobal(self.add_button.rect().bottomLeft()))
        menu.deleteLater()
