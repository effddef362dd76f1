"""The piano roll's keyboard shortcuts: move, transpose, delete, duplicate, quantize, clipboard, grid, tools."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeyEvent

from composer_app.gui.roll.grid import GRIDS
from composer_app.gui.roll.notes.actions import NoteActions
from composer_app.gui.roll.state import RollState, Tool
from composer_app.gui.roll.viewport import RollViewport
from composer_app.gui.shell.i18n import tr

TOOL_KEYS = {Qt.Key_B: Tool.DRAW, Qt.Key_V: Tool.SELECT, Qt.Key_E: Tool.ERASE, Qt.Key_G: Tool.VELOCITY}


class KeyTarget(Protocol):
    """What the shortcuts act on: the roll canvas's actions, state and viewport, and two of its signals."""

    actions: NoteActions
    state: RollState
    viewport: RollViewport
    play_toggle_requested: SignalInstance
    status_message: SignalInstance


def handle_roll_key(canvas: KeyTarget, event: QKeyEvent) -> bool:
    """The roll's keyboard shortcuts; True when the key was one of them."""
    key, mods = event.key(), event.modifiers()
    shift = bool(mods & Qt.ShiftModifier)
    ctrl = bool(mods & Qt.ControlModifier)
    actions, state = canvas.actions, canvas.state
    if key == Qt.Key_Space and not ctrl:
        canvas.play_toggle_requested.emit()
    elif key in (Qt.Key_Left, Qt.Key_Right) and not ctrl:
        direction = -1 if key == Qt.Key_Left else 1
        if shift:
            actions.nudge_bar(direction)
        else:
            actions.nudge(direction * state.grid.ticks)
    elif key in (Qt.Key_Up, Qt.Key_Down) and not ctrl:
        up = key == Qt.Key_Up
        if canvas.viewport.lanes.is_kit:
            actions.move_rows(-1 if up else 1)
        else:
            actions.transpose((12 if shift else 1) * (1 if up else -1), whole_track_if_empty=False)
    elif key in (Qt.Key_Delete, Qt.Key_Backspace):
        actions.delete_selection()
    elif key == Qt.Key_D and ctrl:
        actions.duplicate()
    elif key == Qt.Key_A and ctrl:
        actions.select_all()
    elif key == Qt.Key_C and ctrl:
        actions.copy()
    elif key == Qt.Key_X and ctrl:
        actions.cut()
    elif key == Qt.Key_V and ctrl:
        actions.paste()
    elif key == Qt.Key_Q and not ctrl:
        actions.quantize()
    elif key in TOOL_KEYS and not ctrl:
        state.set_tool(TOOL_KEYS[key])
    elif key == Qt.Key_Escape:
        actions.clear_selection()
    elif Qt.Key_1 <= key <= Qt.Key_8 and not ctrl:
        state.set_grid(GRIDS[key - Qt.Key_1])
        canvas.status_message.emit(tr("Grid {0}").format(state.grid.label))
    elif key == Qt.Key_0 and not ctrl:
        state.set_snap(not state.snap)
        canvas.status_message.emit(tr("Snap on") if state.snap else tr("Snap off"))
    else:
        return False
    return True
