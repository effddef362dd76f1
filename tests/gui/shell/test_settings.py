"""Settings: preferences and recent files persist, and corrupt or foreign data falls back to defaults."""

import os
from pathlib import Path

from composer_app.gui.shell.settings import MAX_RECENT, AppSettings, Preferences


def settings_file() -> Path:
    return Path(os.environ["COMPOSER_CONFIG_DIR"]) / "composer.ini"


def test_preferences_persist():
    """Saved preferences come back in a new settings object."""
    AppSettings().save_preferences(Preferences(projector_mode=True, default_grid="1/8T", autosave_seconds=45))
    prefs = AppSettings().preferences
    assert prefs.projector_mode and prefs.default_grid == "1/8T" and prefs.autosave_seconds == 45


def test_recent_files_are_most_recent_first_without_duplicates(tmp_path):
    """Adding a file moves it to the top; the list is capped."""
    s = AppSettings()
    for i in range(MAX_RECENT + 3):
        s.add_recent(tmp_path / f"{i}.mid")
    s.add_recent(tmp_path / "5.mid")
    files = AppSettings().recent_files()
    assert len(files) == MAX_RECENT
    assert files[0].endswith("5.mid")
    assert len(set(files)) == len(files)


def test_wrong_types_fall_back_to_defaults():
    """Values of the wrong type are replaced by defaults, not crashes."""
    s = AppSettings()
    s.qsettings.setValue("preferences/autosave_seconds", "soon")
    s.qsettings.setValue("preferences/projector_mode", "perhaps")
    s.qsettings.setValue("preferences/default_grid", "1/7")
    s.qsettings.sync()
    assert AppSettings().preferences == Preferences()


def test_other_version_resets_to_defaults():
    """Settings written by another version are dropped."""
    s = AppSettings()
    s.save_preferences(Preferences(projector_mode=True))
    s.qsettings.setValue("version", 999)
    s.qsettings.sync()
    fresh = AppSettings()
    assert fresh.was_reset
    assert fresh.preferences == Preferences()


def test_corrupt_file_resets_to_defaults():
    """A settings file that is garbage still gives working defaults."""
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00\xff[[[garbage\n=\n\x01recent_files=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x1f)")
    s = AppSettings()
    assert s.preferences == Preferences()
    assert s.recent_files() == []
    assert s.window_layout() == (None, None)
