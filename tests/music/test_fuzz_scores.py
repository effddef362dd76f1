"""Structure-aware fuzzing of the MusicXML and .mxl readers: every case loads or raises MusicFileError, quickly.

The small real score is the lead sheet of test_score_io (a part with an instrument, a metre, a tempo, chord symbols,
ties and a rest). Each MusicXML case mutates its parsed tree: numeric values and attributes set to extremes,
elements duplicated, deleted, moved or renamed, elements inserted, or the text cut or given entity declarations.
Each .mxl case wraps a (possibly mutated) score in an archive and damages the archive's structure: its container,
entry names and count, declared sizes, compression method, flags and bytes.
"""

from __future__ import annotations

import collections
import copy
import random
import struct
from xml.etree import ElementTree

from composer_app.music.errors import MusicFileError
from composer_app.music.io import read_song
from composer_app.music.midi_io import midi_bytes
from composer_app.music.summary import format_summary, summarize
from tests.fuzzing import load_or_own_error
from tests.music.score_bytes import CONTAINER, mxl
from tests.music.test_score_io import LEAD_SHEET_XML

XML_CASES = 1400
MXL_CASES = 600
SEED = 4_212
CASE_LIMIT_S = 15  # a hang guard, not a speed check: on a busy 2-core machine music21 takes seconds on odd cases

SOURCE = ElementTree.fromstring(LEAD_SHEET_XML.encode())
EXTREMES = ["0", "-1", "1", "2", "3", "4", "7", "64", "1e12", "1e300", "-1e300", "NaN", "inf", "", "abc", "3000",
            "1000000", "0.000001", "9" * 5000, " 12 ", "1/2", "3+2"]
TAGS = ["note", "rest", "duration", "divisions", "measure", "part", "attributes", "time", "beats", "beat-type",
        "harmony", "pitch", "octave", "step", "alter", "forward", "backup", "chord", "tie", "sound", "direction",
        "score-part", "part-list", "midi-program", "staves", "staff", "voice", "key", "fifths", "grace"]
INSERTS = ["<forward><duration>{v}</duration></forward>", "<backup><duration>{v}</duration></backup>",
           "<attributes><divisions>{v}</divisions></attributes>",
           "<attributes><time><beats>{v}</beats><beat-type>{v}</beat-type></time></attributes>",
           "<direction><sound tempo=\"{v}\"/></direction>", "<attributes><staves>{v}</staves></attributes>",
           "<attributes><key><fifths>{v}</fifths></key></attributes>",
           "<note><chord/><pitch><step>E</step><octave>{v}</octave></pitch><duration>{v}</duration></note>",
           "<note><grace/><pitch><step>G</step><octave>4</octave></pitch></note>",
           "<attributes><transpose><chromatic>{v}</chromatic></transpose></attributes>",
           "<note><pitch><step>C</step><octave>4</octave></pitch><duration>2</duration>"
           "<time-modification><actual-notes>{v}</actual-notes><normal-notes>2</normal-notes></time-modification></note>",
           "<barline><repeat direction=\"backward\" times=\"{v}\"/></barline>"]


def _mutate_tree(rng: random.Random, root: ElementTree.Element, kinds: collections.Counter) -> None:
    elements = list(root.iter())
    parents = {child: parent for parent in elements for child in parent}
    element = rng.choice(elements[1:])
    kind = rng.choice(["value", "value", "value", "attribute", "duplicate", "delete", "move", "rename", "insert"])
    kinds[kind] += 1
    if kind == "value":
        numeric = [e for e in elements if (e.text or "").strip().lstrip("-").isdigit()]
        rng.choice(numeric or elements).text = rng.choice(EXTREMES)
    elif kind == "attribute":
        with_attributes = [e for e in elements if e.attrib] or elements
        target = rng.choice(with_attributes)
        name = rng.choice(list(target.attrib) or ["id"])
        target.set(name, rng.choice(EXTREMES + ["P2", "start", "stop", "yes"]))
    elif kind == "duplicate":
        parent = parents.get(element)
        if parent is not None:
            at = list(parent).index(element)
            for _ in range(rng.choice([1, 2, 5, 50, 300])):
                parent.insert(at, copy.deepcopy(element))
    elif kind == "delete":
        parent = parents.get(element)
        if parent is not None:
            parent.remove(element)
    elif kind == "move":
        parent = parents.get(element)
        target = rng.choice(elements)
        if parent is not None and target is not element and element not in target.iter():
            parent.remove(element)
            target.append(element)
    elif kind == "rename":
        element.tag = rng.choice(TAGS)
    else:
        measures = [e for e in elements if e.tag == "measure"] or [root]
        snippet = rng.choice(INSERTS).format(v=rng.choice(EXTREMES[:18]))
        rng.choice(measures).insert(0, ElementTree.fromstring(snippet))


def _xml_case(rng: random.Random, kinds: collections.Counter) -> bytes:
    root = copy.deepcopy(SOURCE)
    for _ in range(rng.choice([1, 1, 2, 3])):
        _mutate_tree(rng, root, kinds)
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root)
    roll = rng.random()
    if roll < 0.05:
        kinds["cut"] += 1
        data = data[: rng.randrange(len(data))]
    elif roll < 0.08:
        kinds["entities"] += 1
        data = data.replace(b"\n", b'\n<!DOCTYPE score-partwise [<!ENTITY a "' + b"x" * 10 + b'">]>\n', 1)
    elif roll < 0.1:
        kinds["root"] += 1
        data = data.replace(b"score-partwise", rng.choice([b"score-timewise", b"opus", b"html"]))
    return data


def _patch_entry(data: bytearray, name: str, offset: int, fmt: str, value: int, central: bool) -> None:
    """Overwrite a field of an entry's local header (or its central directory record)."""
    signature = b"PK\x01\x02" if central else b"PK\x03\x04"
    start = 0
    while (start := data.find(signature, start)) >= 0:
        name_at = start + (46 if central else 30)
        if data[name_at:name_at + len(name)] == name.encode():
            data[start + offset:start + offset + struct.calcsize(fmt)] = struct.pack(fmt, value)
            return
        start += 4


def _mxl_case(rng: random.Random, kinds: collections.Counter) -> bytes:
    xml = _xml_case(rng, kinds) if rng.random() < 0.3 else LEAD_SHEET_XML.encode()
    kind = rng.choice(["container", "entries", "sizes", "method", "flags", "bytes", "truncate", "names"])
    kinds["mxl " + kind] += 1
    if kind == "container":
        container = rng.choice([CONTAINER.format(root="missing.xml"), "<container><rootfiles/></container>",
                                "<container", CONTAINER.format(root="META-INF/container.xml"), "x" * 70_000])
        entries = {"META-INF/container.xml": container, "score.xml": xml}
        return mxl(entries, root=None)
    if kind == "entries":
        count = rng.choice([0, 1, 10, 1001])
        extra = {f"images/{i}.png": b"\x89PNG" for i in range(count)}
        return mxl(extra | ({"score.xml": xml} if rng.random() < 0.7 else {}), root=rng.choice(["score.xml", None]))
    if kind == "names":
        name = rng.choice(["score.musicxml", "SCORE.XML", "a/b/c.xml", "readme.txt", "META-INF/score.xml"])
        return mxl({name: xml}, root=rng.choice([name, "score.xml", None]))
    data = bytearray(mxl({"score.xml": xml}))
    central = rng.random() < 0.5
    if kind == "sizes":  # declared uncompressed or compressed sizes that lie, small or bomb-sized
        field = (24, "<I") if central else (22, "<I")
        if rng.random() < 0.5:
            field = (20, "<I") if central else (18, "<I")
        _patch_entry(data, "score.xml", field[0], field[1], rng.choice([0, 1, 100, 2**31, 0xFFFFFFFF]), central)
    elif kind == "method":
        _patch_entry(data, "score.xml", 10 if central else 8, "<H", rng.choice([0, 1, 9, 12, 14, 99]), central)
    elif kind == "flags":
        _patch_entry(data, "score.xml", 8 if central else 6, "<H", rng.choice([1, 8, 0x41, 0xFFFF]), central)
    elif kind == "bytes":
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    else:
        del data[rng.randrange(1, len(data)):]
    return bytes(data)


def _check_case(path, outcomes: collections.Counter, case: int) -> None:
    load_or_own_error(path, case, read_song, MusicFileError, outcomes, CASE_LIMIT_S, lambda exc: exc.problem[:30],
                      lambda song: (format_summary(summarize(song)), midi_bytes(song)))


def test_fuzzed_musicxml_and_mxl_files_load_or_raise_music_file_error(tmp_path):
    """1,400 mutated MusicXML trees and 600 damaged .mxl archives each give a Song or a MusicFileError within 5 s."""
    rng = random.Random(SEED)
    kinds: collections.Counter = collections.Counter()
    outcomes: collections.Counter = collections.Counter()
    for case in range(XML_CASES + MXL_CASES):
        is_xml = case < XML_CASES
        path = tmp_path / ("fuzz.musicxml" if is_xml else "fuzz.mxl")
        path.write_bytes(_xml_case(rng, kinds) if is_xml else _mxl_case(rng, kinds))
        _check_case(path, outcomes, case)
    assert outcomes["loaded"] > 200, outcomes
    assert sum(1 for k in outcomes if k.startswith("error")) >= 20, outcomes
    assert len(kinds) >= 15, kinds
