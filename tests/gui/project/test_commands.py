"""The undoable command: exact swaps and merging by key."""

from composer_app.gui.project.commands import SongEditCommand


def test_merging_keeps_the_first_before_and_the_last_after(document):
    """Merged steps undo to the state before the first and redo to the state after the last."""
    start = document.state
    a = start.replace(length_bars=9)
    b = start.replace(length_bars=10)
    first = SongEditCommand(document, start, a, "len", merge_key="k")
    second = SongEditCommand(document, a, b, "len", merge_key="k")
    other = SongEditCommand(document, a, b, "len", merge_key="other")
    assert first.id() == second.id()
    assert not first.mergeWith(other)
    assert first.mergeWith(second)
    assert first.after is b and first.before is start


def test_commands_without_a_key_never_merge(document):
    """A command with no merge key has id -1, which QUndoStack never merges."""
    assert SongEditCommand(document, document.state, document.state, "x").id() == -1
