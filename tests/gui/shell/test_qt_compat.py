"""The PySide6 6.12.0 reference-count guard: it sees the bug when it is there, and acts only then."""

import ctypes
import sys

import pytest

from composer_app.gui.shell import qt_compat

_inc = ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_IncRef", ctypes.pythonapi))
_dec = ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_DecRef", ctypes.pythonapi))


class _LeakyColor:
    """A QColor stand-in whose setAlpha loses a reference to None, as every void method of PySide6 6.12.0 does."""

    lost = 0

    def setAlpha(self, _alpha) -> None:
        _dec(None)
        _LeakyColor.lost += 1


class _SoundColor:
    """A QColor stand-in that keeps its references, as PySide6 6.11 does."""

    def setAlpha(self, _alpha) -> None:
        pass


def test_guard_only_acts_where_the_bug_is():
    """The guard is installed exactly where Qt calls lose references on CPython < 3.12; only then are counts raised."""
    expected = (sys.implementation.name == "cpython" and sys.version_info < (3, 12)
                and qt_compat.drops_references())
    installed = qt_compat.INSTALLED
    assert installed == expected
    assert (sys.getrefcount(None) >= qt_compat.HEADROOM) == installed


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: no count can drop")
def test_the_detector_tells_a_leaking_qt_from_a_sound_one(monkeypatch):
    """drops_references() is True when each Qt call loses a reference to None, and False when none is lost."""
    monkeypatch.setattr(qt_compat, "QColor", _SoundColor)
    assert qt_compat.drops_references() is False
    monkeypatch.setattr(qt_compat, "QColor", _LeakyColor)
    _LeakyColor.lost = 0
    try:
        assert qt_compat.drops_references() is True
    finally:
        for _ in range(_LeakyColor.lost):  # give None back what the stand-in took
            _inc(None)
