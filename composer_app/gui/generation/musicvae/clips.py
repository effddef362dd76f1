"""The interpolation's clip A and clip B pickers: a track at the selection or playhead, bars taken from a selection,
or a music file's first bars."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

from composer_app.gui.shell.i18n import tr

CHOOSE_FILE = "\0file"  # the "A file…" entry (a value no track index or path has)
CHOOSE_BARS = "\0bars"  # the "The selected notes' bars" entry
_BARS = "\0bars:"  # a captured clip: _BARS + "TRACK:TICK"


def bars_value(track: int, origin: int) -> str:
    """The pickers' value of a clip captured from `track` at bar line `origin` (ticks)."""
    return f"{_BARS}{track}:{origin}"


def parse_bars(value) -> tuple[int, int] | None:
    """(track, origin) of a captured clip's value, None for a track index or a file's path."""
    if not isinstance(value, str) or not value.startswith(_BARS):
        return None
    track, origin = value[len(_BARS):].split(":")
    return int(track), int(origin)


class ClipPickers(QObject):
    """The two combos. `capture_requested(name)` asks for the current selection's bars as that combo's clip; the
    answer comes back through `set_bars` (or `forget_bars` when there is no selection)."""

    capture_requested = Signal(str)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._parent = parent
        self.a, self.b = QComboBox(objectName="vae_clip_a"), QComboBox(objectName="vae_clip_b")
        self._files: dict[str, str] = {}  # combo name -> a file chosen as that clip
        self._bars: dict[str, tuple[str, str]] = {}  # combo name -> (captured value, its label)
        self._names: list[str] = []
        self._current = 0
        for box in (self.a, self.b):
            box.activated.connect(lambda _i, b=box: self._chosen(b))

    def values(self) -> tuple[int | str, int | str]:
        """Clip A's and clip B's: a track index, a file's path or a captured clip (bars_value)."""
        return tuple(box.currentData() if box.count() else -1 for box in (self.a, self.b))

    def set_tracks(self, names: list[str], current: int) -> None:
        """The tracks, then the bars captured and the file chosen for each combo, then "The selected notes' bars"
        and "A file…"."""
        self._names, self._current = list(names), current
        for box, default in ((self.a, current), (self.b, current + 1)):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            for i, name in enumerate(names):
                box.addItem(f"{i + 1}. {name}", i)
            captured = self._bars.get(box.objectName())
            if captured and parse_bars(captured[0])[0] < len(names):
                box.addItem(captured[1], captured[0])
            path = self._files.get(box.objectName())
            if path:
                box.addItem(Path(path).name, path)
            box.addItem(tr("The selected notes' bars"), CHOOSE_BARS)
            box.addItem(tr("A file…"), CHOOSE_FILE)
            index = box.findData(chosen) if chosen not in (None, CHOOSE_FILE, CHOOSE_BARS) else -1
            box.setCurrentIndex(index if index >= 0 else min(max(default, 0), max(0, len(names) - 1)))
            box.blockSignals(False)

    def refresh(self) -> None:
        """The entries again, in the current language."""
        self.set_tracks(self._names, self._current)

    def set_bars(self, name: str, value: str, label: str) -> None:
        """Make a captured clip the named combo's choice."""
        self._bars[name] = (value, label)
        self._select(name, value)

    def forget_bars(self, name: str) -> None:
        """No clip was captured: the combo goes back to a track."""
        self._select(name, None)

    def _select(self, name: str, value) -> None:
        self.refresh()
        box = self.a if name == self.a.objectName() else self.b
        index = box.findData(value) if value is not None else -1
        box.setCurrentIndex(index if index >= 0 else 0)

    def _chosen(self, box: QComboBox) -> None:
        if box.currentData() == CHOOSE_BARS:
            self.capture_requested.emit(box.objectName())
        elif box.currentData() == CHOOSE_FILE:
            self._choose_file(box)

    def _choose_file(self, box: QComboBox) -> None:
        """"A file…" picked as a clip: a MIDI or score file's first bars become that clip."""
        from composer_app.music.io import READABLE_SUFFIXES

        patterns = " ".join(f"*{s}" for s in READABLE_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self._parent, tr("A clip from a file"), "",
                                              tr("Music files ({0})").format(patterns))
        if path:
            self._files[box.objectName()] = path
        self._select(box.objectName(), path or None)
