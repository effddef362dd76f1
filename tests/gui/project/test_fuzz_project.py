"""Structure-aware fuzzing of the project reader: every mutated file loads a sound project or raises ProjectFileError.

The source is a real project (two songs, a tempo map, a metre change, chords, track looks, generation settings
and a generation history). Each case mutates its JSON: a value replaced by another type or an extreme, keys deleted
or renamed, lists flooded, values nested deeply, or the text itself cut or given a number of thousands of digits.
"""

from __future__ import annotations

import collections
import json
import random

from composer_app.gui.project.project_format import (
    Project,
    ProjectFileError,
    ProjectSong,
    TrackLook,
    load_project,
    project_bytes,
    project_to_json,
)
from composer_app.music.song import MAX_BARS, ChordSymbol, TempoChange, TimeSignature, song_limit_problem
from tests.fuzzing import load_or_own_error
from tests.gui.conftest import sample_song

CASES = 2000
SEED = 77
CASE_LIMIT_S = 15  # a hang guard, not a speed check: on a busy 2-core machine music21 takes seconds on odd cases


def _source() -> dict:
    song = sample_song().replace(tempos=(TempoChange(0, 96.0), TempoChange(3840, 140.0)),
                                 time_signatures=(TimeSignature(0, 3, 4), TimeSignature(5760, 4, 4)),
                                 chords=(ChordSymbol(0, "Am7"), ChordSymbol(2880, "D7")), title="Fuzz")
    history = [{"version": 1, "set_id": 1, "label": "Continue", "settings": {"temperature": 1.0},
                "candidates": [{"index": 0, "label": "a", "seam_tick": 3840, "is_drums": False, "qpm": 96.0,
                                "new_notes": [[3840, 67, 240, 90]], "song_notes": [[0, 60, 480, 90],
                                                                                   [3840, 67, 240, 90]]}]}]
    project = Project((ProjectSong(song, (TrackLook("#123456", muted=True), TrackLook()), 12),
                       ProjectSong(sample_song(), (), 4)),
                      generation={"model": "attention_rnn", "steps": 64}, candidates=history)
    return json.loads(json.dumps(project_to_json(project)))


SOURCE = _source()
VALUES = [None, True, False, 0, -1, 1, 3, 128, 10**12, -(10**12), 2**63, float("inf"), float("-inf"), float("nan"),
          0.5, 1e-300, "", "text", "#zzz", [], {}, [0, 60, 480, 90], [[0, 4, 0]], {"notes": 5}]


def _nodes(root):
    """Every (path, value) in the JSON tree down to 12 levels, the root included (deeper nests are left whole)."""
    stack = [((), root)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if len(path) < 12:
            children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) \
                else ()
            stack.extend((path + (key,), child) for key, child in children)


def _set(root, path, value):
    if not path:
        return value
    parent = root
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return root


def _mutate(rng: random.Random, root, kinds: collections.Counter):
    nodes = list(_nodes(root))
    path, value = rng.choice(nodes[1:])
    kind = rng.choice(["value", "value", "value", "delete", "rename", "flood", "nest", "wrap"])
    kinds[kind] += 1
    if kind == "value":
        new = rng.choice(VALUES)
        return _set(root, path, json.loads(json.dumps(new)) if isinstance(new, list | dict) else new)
    parent = root
    for key in path[:-1]:
        parent = parent[key]
    if kind == "delete":
        del parent[path[-1]]
    elif kind == "rename" and isinstance(parent, dict):
        parent[rng.choice(["Tracks", "notes ", "length", "x"])] = parent.pop(path[-1])
    elif kind == "flood" and isinstance(parent, list):
        parent.extend(json.loads(json.dumps(value)) for _ in range(rng.choice([10, 100, 1000, 3000])))
    elif kind == "nest":
        deep = value
        for _ in range(rng.choice([5, 50, 500])):  # deeper nests come as text, below
            deep = [deep]
        _set(root, path, deep)
    else:
        _set(root, path, rng.choice([[value], {"value": value}, [value, value]]))
    return root


def _case(rng: random.Random, kinds: collections.Counter) -> bytes:
    root = json.loads(json.dumps(SOURCE))
    for _ in range(rng.choice([1, 1, 2, 3])):
        root = _mutate(rng, root, kinds)
    text = json.dumps(root)
    roll = rng.random()
    if roll < 0.04:
        kinds["cut"] += 1
        text = text[: rng.randrange(len(text))]
    elif roll < 0.07:
        kinds["long number"] += 1
        text = text.replace("960", "9" * rng.choice([20, 400, 5000]), 1)
    elif roll < 0.09:
        kinds["deep text"] += 1
        text = text.replace("[0, 60", "[" * 100_000 + "]" * 100_000 + ", [0, 60", 1)
    return text.encode()


def test_fuzzed_project_files_load_or_raise_project_file_error(tmp_path):
    """2,000 mutated projects each load within every limit (and save back equal) or raise ProjectFileError, in 5 s."""
    rng = random.Random(SEED)
    kinds: collections.Counter = collections.Counter()
    outcomes: collections.Counter = collections.Counter()
    path = tmp_path / "fuzz.composer"
    def sound_and_saved_back(project) -> None:
        for ps in project.songs:
            assert song_limit_problem(ps.song) is None and 1 <= ps.length_bars <= MAX_BARS, case
        (tmp_path / "again.composer").write_bytes(project_bytes(project))
        assert load_project(tmp_path / "again.composer") == project, case

    for case in range(CASES):
        path.write_bytes(_case(rng, kinds))
        load_or_own_error(path, case, load_project, ProjectFileError, outcomes, CASE_LIMIT_S,
                          lambda exc: exc.problem.split("(")[-1][:25], sound_and_saved_back)
    assert outcomes["loaded"] > CASES // 10, outcomes
    assert sum(1 for k in outcomes if k.startswith("error")) >= 20, outcomes
    assert len(kinds) == 9, kinds  # every kind of mutation was made
