"""Works around a PySide6 6.12.0 bug on Python 3.11: methods hand back None, True and False without a reference.

Every call of a void Qt method (QPainter.fillRect, QColor.setAlpha, ...) and every Signal.emit() then lowers
the reference count of None or True by one. After some thousands of calls CPython aborts with "none_dealloc" or
"bool_dealloc" (a paint loop reaches that in seconds). PySide6 6.11 does not have the bug, and Python 3.12+
is immune because these objects are immortal there.

Importing this module checks for the bug once and, only where it is present, makes None, True and False
effectively immortal the way Python 3.12 does: their counts get a headroom no program can use up. These three
objects are static and never freed, so nothing else changes. The real fix is PySide6 < 6.12 on Python 3.11.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

HEADROOM = 1 << 60


class _Probe(QObject):
    ping = Signal()


def drops_references() -> bool:
    """True when Qt calls lose references to None or True (the PySide6 6.12.0 bug)."""
    color = QColor()
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(64):
        color.setAlpha(1)
        probe.ping.emit()
    return sys.getrefcount(None) <= none_before - 32 or sys.getrefcount(True) <= true_before - 32


def _install() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12) or not drops_references():
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    return True


INSTALLED = _install()
