"""Reading a project file's JSON values: each checked for type and range, so a damaged file names what is wrong.

Qt-free, like project_format. The ranges are the song limits of composer_app.music.song (MAX_TICK, MAX_BARS, ...):
one place, shared with the MIDI and score readers.
"""

from __future__ import annotations

import json
import math
from typing import Any

from composer_app.errors import ComposerError
from composer_app.music.song import MAX_QPM, MAX_TICK, MIN_QPM, Note
from composer_app.said import said

MAX_HISTORY_DEPTH = 8  # a history entry is entry > candidates > candidate > notes > note: five levels


class DamagedValue(ComposerError):
    """A value of the wrong type or out of range; str() says which, in a user's words.

    The readers below take `what` (the value's name) as said() text, or as a JSON key where the name is one.
    """


def shown(value: Any) -> str:
    """A value as a message shows it: short, one line, in JSON's words (said() text for a list or an object)."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, list | dict):
        return said("(a list)") if isinstance(value, list) else said("(an object)")
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 30 else text[:27] + "..."


def whole(value: Any, what: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number (JSON may write 8 as 8.0) within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DamagedValue(said("{what} {value} is not a whole number").format(what=what, value=shown(value)))
    if isinstance(value, float):
        if not value.is_integer():  # also false for inf and nan
            raise DamagedValue(said("{what} {value} is not a whole number").format(what=what, value=shown(value)))
        value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise DamagedValue(said("{what} {value} is outside {low} to {high}").format(
            what=what, value=value, low=low, high=high))
    return value


def number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DamagedValue(said("{what} {value} is not a number").format(what=what, value=shown(value)))
    return float(value)


def text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise DamagedValue(said("{what} {value} is not text").format(what=what, value=shown(value)))
    return value


def flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise DamagedValue(said("{what} {value} is not true or false").format(what=what, value=shown(value)))
    return value


def items(value: Any, what: str) -> list:
    if not isinstance(value, list):
        raise DamagedValue(said("{what} is not a list").format(what=what))
    return value


def row(value: Any, size: int, what: str) -> list:
    """A fixed-size JSON array such as a note's [start, pitch, duration, velocity]."""
    if not isinstance(value, list) or len(value) != size:
        raise DamagedValue(said("a {what} is not a list of {size} values").format(what=what, size=size))
    return value


def record(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise DamagedValue(said("a {what} is not an object").format(what=what))
    return value


def note(value: Any) -> Note:
    start, pitch, duration, velocity = row(value, 4, said("note"))
    return Note(whole(start, said("note start"), 0, MAX_TICK), whole(pitch, said("note pitch"), 0, 127),
                whole(duration, said("note duration"), 0, MAX_TICK), whole(velocity, said("note velocity"), 0, 127))


def tempo_qpm(value: Any, tick: int) -> float:
    qpm = number(value, said("tempo"))
    if not MIN_QPM <= qpm <= MAX_QPM:  # also false for nan
        raise DamagedValue(said("tempo {qpm:g} qpm at tick {tick} is outside {low:.2f} to {high:g} qpm").format(
            qpm=qpm, tick=tick, low=MIN_QPM, high=MAX_QPM))
    return qpm


def clean_history(entries: Any) -> list:
    """The generation history entries that are sound; damaged ones are left out, since the song never needs them.

    The generation feature defines the entries (a label, settings and candidates). Checked here: objects and lists
    only a few levels deep and finite numbers throughout; in each candidate, lists under a key ending in "notes"
    made of note rows, ticks (keys ending in "tick") and tempos ("qpm") all within the song limits.
    """
    if not isinstance(entries, list):
        return []
    return [entry for entry in entries if isinstance(entry, dict) and _sound_entry(entry)]


def _sound_entry(entry: dict) -> bool:
    if not _finite(entry, 1):
        return False
    candidates = entry.get("candidates", [])
    return isinstance(candidates, list) and all(isinstance(c, dict) and _sound_candidate(c) for c in candidates)


def _finite(value: Any, depth: int) -> bool:
    """Shallow enough, and no infinite or NaN number anywhere (JSON has none; Python's reader makes them)."""
    if depth > MAX_HISTORY_DEPTH:
        return False
    if isinstance(value, dict | list):
        return all(_finite(v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return not isinstance(value, float) or math.isfinite(value)


def _sound_candidate(candidate: dict) -> bool:
    for key, value in candidate.items():
        if key.endswith("notes") and not (isinstance(value, list) and all(_note_ok(n) for n in value)):
            return False
        if key.endswith("tick") and not (isinstance(value, int) and not isinstance(value, bool)
                                         and 0 <= value <= MAX_TICK):
            return False
        if key == "qpm" and not (isinstance(value, int | float) and not isinstance(value, bool)
                                 and MIN_QPM <= value <= MAX_QPM):
            return False
    return True


def _note_ok(value: Any) -> bool:
    try:
        n = note(value)
    except (DamagedValue, ValueError):
        return False
    return n.end <= MAX_TICK
