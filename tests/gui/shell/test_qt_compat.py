"""The PySide6 6.12.0 reference-count guard is harmless where the bug is absent."""

import sys

from composer_app.gui.shell import qt_compat


def test_guard_only_acts_where_the_bug_is():
    """On a PySide6 without the bug nothing is changed; with it, None's count is far from zero."""
    if qt_compat.drops_references():
        assert qt_compat.INSTALLED or sys.version_info >= (3, 12)
    assert sys.getrefcount(None) > 1000
