"""The Preferences dialog edits a copy of the preferences, and the window applies the result."""

from composer_app.gui.shell.preferences_dialog import PreferencesDialog


def test_preferences_dialog_round_trip(window, qtbot):
    """The dialog shows the preferences and returns the edited ones, clamped to valid values."""
    dialog = PreferencesDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    dialog.grid.setCurrentText("1/8T")
    dialog.autosave.setValue(45)
    dialog.kit.setChecked(True)
    prefs = dialog.preferences()
    assert (prefs.default_grid, prefs.autosave_seconds, prefs.kit_lanes) == ("1/8T", 45, True)
    window.set_preferences(prefs)
    assert window.editor.state.grid.label == "1/8T"
    assert window.editor.action_kit_lanes.isChecked()
    assert window.settings.preferences == prefs
