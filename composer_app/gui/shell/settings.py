"""Persistent settings (QSettings): preferences, recent files and window layout, versioned, with safe defaults."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from composer_app.gui.roll.grid import DEFAULT_GRID, GRIDS

SETTINGS_VERSION = 1
MAX_RECENT = 10
LANGUAGE_CODES = ("", "en", "ja")  # shell.language.LANGUAGES, and "" for the system's
CONFIG_DIR_ENV = "COMPOSER_CONFIG_DIR"  # tests and portable installs point this at a folder of their own


@dataclass(frozen=True)
class Preferences:
    projector_mode: bool = False
    follow_playhead: bool = True
    kit_lanes: bool = False
    default_grid: str = DEFAULT_GRID.label
    autosave_seconds: int = 30
    new_note_velocity: int = 100
    audition: bool = True  # sound notes as they are drawn or clicked (the audio session reads this)
    soundfont: str = ""  # a .sf2 file chosen by the user; empty means the bundled one
    language: str = ""  # "en" or "ja"; empty follows the system's locale

    def validated(self) -> Preferences:
        """The same preferences with every value forced into its allowed range."""
        grid = self.default_grid if self.default_grid in {g.label for g in GRIDS} else DEFAULT_GRID.label
        language = self.language if self.language in LANGUAGE_CODES else ""
        return replace(self, default_grid=grid, language=language,
                       autosave_seconds=max(5, min(600, int(self.autosave_seconds))),
                       new_note_velocity=max(1, min(127, int(self.new_note_velocity))))


def _open_qsettings() -> QSettings:
    folder = os.environ.get(CONFIG_DIR_ENV)
    if folder:
        return QSettings(str(Path(folder) / "composer.ini"), QSettings.IniFormat)
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "Composer", "Composer")


class AppSettings:
    """Typed access to QSettings. Unreadable, wrongly typed or other-version data falls back to defaults."""

    def __init__(self, qsettings: QSettings | None = None):
        self.qsettings = qsettings or _open_qsettings()
        self.was_reset = False
        self._check_version()

    def _check_version(self) -> None:
        s = self.qsettings
        stored = s.value("version")
        try:
            version = int(stored) if stored is not None else None
        except (TypeError, ValueError):
            version = -1
        if s.status() != QSettings.NoError or (version is not None and version != SETTINGS_VERSION):
            # A damaged file or one from another version: start from defaults rather than misread it.
            self.was_reset = s.status() != QSettings.NoError or version != SETTINGS_VERSION
            s.clear()
        s.setValue("version", SETTINGS_VERSION)

    # -- preferences ---------------------------------------------------------------------
    @property
    def preferences(self) -> Preferences:
        defaults = Preferences()
        values = {}
        for f in fields(Preferences):
            default = getattr(defaults, f.name)
            raw = self.qsettings.value(f"preferences/{f.name}", default)
            values[f.name] = _coerce(raw, default)
        try:
            return Preferences(**values).validated()
        except (TypeError, ValueError):
            return defaults

    def save_preferences(self, prefs: Preferences) -> None:
        for name, value in asdict(prefs.validated()).items():
            self.qsettings.setValue(f"preferences/{name}", value)
        self.qsettings.sync()

    # -- recent files and bundles --------------------------------------------------------------
    def _recent(self, key: str) -> list[str]:
        raw = self.qsettings.value(key, [])
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            return []
        return [str(p) for p in raw if isinstance(p, str) and p][:MAX_RECENT]

    def _add_recent(self, key: str, path: str | os.PathLike) -> None:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self._recent(key) if p != path]
        self.qsettings.setValue(key, items[:MAX_RECENT])

    def recent_files(self) -> list[str]:
        return self._recent("recent_files")

    def add_recent(self, path: str | os.PathLike) -> None:
        self._add_recent("recent_files", path)

    def clear_recent(self) -> None:
        self.qsettings.setValue("recent_files", [])

    def recent_bundles(self) -> list[str]:
        """.mag bundles the user opened, newest first."""
        return self._recent("recent_bundles")

    def add_recent_bundle(self, path: str | os.PathLike) -> None:
        self._add_recent("recent_bundles", path)

    # -- first start and paused training ---------------------------------------------------
    def is_first_start(self) -> bool:
        """True until the demo has been shown once (the first start opens it)."""
        return _coerce(self.qsettings.value("first_start_done", False), False) is not True

    def mark_first_start_done(self) -> None:
        self.qsettings.setValue("first_start_done", True)
        self.qsettings.sync()

    def paused_training(self) -> dict | None:
        """The Training panel's paused run (its choices, as saved), or None."""
        import json

        raw = self.qsettings.value("training/paused", "")
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else None
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def set_paused_training(self, data: dict | None) -> None:
        import json

        self.qsettings.setValue("training/paused", json.dumps(data) if data else "")
        self.qsettings.sync()

    # -- window layout -------------------------------------------------------------------
    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.qsettings.value("window/geometry")
        state = self.qsettings.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)
        self.qsettings.sync()


def _coerce(raw: object, default: object) -> object:
    """QSettings hands INI values back as strings; turn them into the default's type, or give the default."""
    try:
        if isinstance(default, bool):
            if isinstance(raw, str):
                if raw.lower() in ("true", "1", "yes"):
                    return True
                if raw.lower() in ("false", "0", "no"):
                    return False
                return default
            return bool(raw) if isinstance(raw, (int, bool)) else default
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, str):
            return raw if isinstance(raw, str) else default
    except (TypeError, ValueError):
        return default
    return default
