"""Works around a PySide6 6.12.0 bug: Signal.emit() returns True without taking a reference to it.

Every emit from Python then lowers True's reference count by one, until CPython aborts with
"bool_dealloc: deallocating True or False" (in a long session, or at exit after a few thousand emits).
Importing this module checks for the bug once and, only where it is present, gives back the missing reference.
The real fix is a PySide6 without the bug (6.11 has none); this keeps the app alive on 6.12.0.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def emit_drops_a_reference() -> bool:
    """True when SignalInstance.emit returns a bool it did not take a reference to."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.ping.emit()
    return sys.getrefcount(True) <= before - 8


def _install() -> bool:
    if getattr(SignalInstance.emit, "_composer_fixed", False) or not emit_drops_a_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self, *args):
        result = original(self, *args)
        incref(result)
        return result

    emit._composer_fixed = True
    SignalInstance.emit = emit
    return True


INSTALLED = _install()
