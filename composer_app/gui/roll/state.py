"""The editor's view state shared by its widgets: tool, grid, selection, playhead, loop and candidate overlay."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from composer_app.gui.roll.grid import DEFAULT_GRID, Grid
from composer_app.gui.shell import qt_compat  # noqa: F401  (before any signal is emitted)
from composer_app.music.song import PPQ, Note


class Tool(Enum):
    DRAW = "draw"
    SELECT = "select"
    ERASE = "erase"
    VELOCITY = "velocity"


class RollState(QObject):
    """View state, never saved with the song: what is selected, which tool and grid, where the playhead is."""

    tool_changed = Signal(object)
    grid_changed = Signal()
    selection_changed = Signal()
    playhead_changed = Signal(int)
    loop_changed = Signal(object)  # (start, end) ticks or None
    overlay_changed = Signal()
    options_changed = Signal()  # follow playhead, kit lanes
    preview_changed = Signal()  # a drag's notes, drawn where they would go before the edit is made

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.tool = Tool.DRAW
        self.grid: Grid = DEFAULT_GRID
        self.snap = True
        self.last_length = DEFAULT_GRID.ticks
        self.new_velocity = 100
        self.selection: frozenset[Note] = frozenset()
        self.playhead = 0
        self._loop: tuple[int, int] = (0, PPQ * 4 * 4)
        self.loop_enabled = False
        self.overlay: dict[int | None, tuple[Note, ...]] = {}
        self.overlay_color: QColor | None = None
        self.seams: tuple[int, ...] = ()  # ticks where generated material meets the user's (drawn as markers)
        self.follow_playhead = True
        self.kit_lanes = False
        # While a drag runs: (the selection's notes where they would land, whether the originals stay).
        self.preview: tuple[tuple[Note, ...], bool] | None = None

    # -- tool and grid -------------------------------------------------------------------
    def set_tool(self, tool: Tool) -> None:
        if tool != self.tool:
            self.tool = tool
            self.tool_changed.emit(tool)

    def set_grid(self, grid: Grid) -> None:
        self.grid = grid
        self.snap = True
        self.grid_changed.emit()

    def set_snap(self, snap: bool) -> None:
        if snap != self.snap:
            self.snap = snap
            self.grid_changed.emit()

    @property
    def step(self) -> int:
        """The snapping step in ticks: the grid, or one tick with snap off."""
        return self.grid.ticks if self.snap else 1

    # -- a drag's preview ----------------------------------------------------------------
    def set_preview(self, notes: Iterable[Note], keep_originals: bool = False) -> None:
        """Show the selected notes moved or resized to `notes` without editing the track (a drag in progress).

        The edit itself is made once, when the drag ends: on a long track that is the difference between
        rebuilding every view per mouse step and repainting a handful of notes.
        """
        self.preview = (tuple(notes), keep_originals)
        self.preview_changed.emit()

    def clear_preview(self) -> None:
        if self.preview is not None:
            self.preview = None
            self.preview_changed.emit()

    # -- selection -----------------------------------------------------------------------
    def set_selection(self, notes: Iterable[Note]) -> None:
        notes = notes if isinstance(notes, frozenset) else frozenset(notes)
        if notes != self.selection:
            self.selection = notes
            self.selection_changed.emit()

    def clear_selection(self) -> None:
        self.set_selection(frozenset())

    # -- playhead and loop ---------------------------------------------------------------
    def set_playhead(self, tick: int) -> None:
        tick = max(0, int(tick))
        if tick != self.playhead:
            self.playhead = tick
            self.playhead_changed.emit(tick)

    @property
    def loop_region(self) -> tuple[int, int] | None:
        """(start, end) in ticks while looping is on, else None."""
        return self._loop if self.loop_enabled else None

    @property
    def loop_range(self) -> tuple[int, int]:
        """The loop's bounds even while looping is off (the ruler still shows them, dimmed)."""
        return self._loop

    def set_loop(self, start: int, end: int, enabled: bool = True) -> None:
        start, end = sorted((max(0, int(start)), max(0, int(end))))
        if end <= start:
            return
        if (start, end) != self._loop or enabled != self.loop_enabled:
            self._loop = (start, end)
            self.loop_enabled = enabled
            self.loop_changed.emit(self.loop_region)

    def set_loop_enabled(self, enabled: bool) -> None:
        if enabled != self.loop_enabled:
            self.loop_enabled = enabled
            self.loop_changed.emit(self.loop_region)

    # -- candidate overlay ---------------------------------------------------------------
    def set_overlay(self, notes: Mapping[int, Iterable[Note]] | Iterable[Note], color: QColor | str | None = None) -> None:
        """Show notes that are not part of the song (generated candidates) over the roll.

        notes: a list drawn over the current track, or {track index: notes} to place them by track.
        """
        if isinstance(notes, Mapping):
            self.overlay = {int(k): tuple(v) for k, v in notes.items()}
        else:
            self.overlay = {None: tuple(notes)}
        self.overlay_color = QColor(color) if color is not None else None
        self.overlay_changed.emit()

    def clear_overlay(self) -> None:
        if self.overlay:
            self.overlay = {}
            self.overlay_changed.emit()

    def set_seams(self, ticks: Iterable[int]) -> None:
        """Mark where generated music joins the rest (vertical lines across the roll)."""
        self.seams = tuple(sorted(set(int(t) for t in ticks)))
        self.overlay_changed.emit()

    def set_option(self, name: str, value: bool) -> None:
        if getattr(self, name) != value:
            setattr(self, name, value)
            self.options_changed.emit()
