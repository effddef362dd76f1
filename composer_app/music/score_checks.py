"""Checks on score files before music21 reads them: .mxl archives, MusicXML trees, ABC and Humdrum metres.

music21 trusts what a file says: it decompresses whatever an archive holds, a 3000/4 metre keeps it busy for
minutes, and a note lasting 10^12 quarters becomes a song nobody can scroll. These checks are cheap (one pass of
the standard XML parser, a few regular expressions) and turn such files into a MusicFileError naming the problem.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from composer_app.music.errors import MusicFileError
from composer_app.music.song import MAX_NUMERATOR, MAX_TICK, PPQ
from composer_app.said import said

MAX_SCORE_BYTES = 16 * 1024 * 1024  # a score file, and the MusicXML inside an .mxl once decompressed
MAX_MXL_ENTRIES = 1000
MAX_CONTAINER_BYTES = 64 * 1024
MAX_SCORE_NOTES = 50_000  # music21 reads some 5,000 notes a second: about ten seconds' worth
MAX_QUARTERS = MAX_TICK / PPQ
# music21 spends up to a second laying out each metre of more than 32 beats the first time it meets it (a 3000/4
# keeps it busy for minutes), so a score may use a few such metres, each within what a song can hold.
LONG_METRE = 32
MAX_LONG_METRES = 4

_ZIP_MAGIC = b"PK\x03\x04"
_SCORE_SUFFIXES = (".xml", ".musicxml")
_ENTITY_MARKS = (b"<!ENTITY", "<!ENTITY".encode("utf-16-le"))  # the UTF-16 form also finds big-endian text


def is_zipped(data: bytes) -> bool:
    return data[:4] == _ZIP_MAGIC


def mxl_score_bytes(data: bytes, path: Path) -> bytes:
    """The MusicXML document inside a compressed (.mxl) file, checked for size before it is decompressed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except Exception as exc:  # zipfile raises many types for damaged archives
        raise MusicFileError(path, said(
            "not a readable musicxml file: the .mxl is not a zip archive ({reason})").format(
            reason=_reason(exc))) from None
    if len(entries) > MAX_MXL_ENTRIES:
        raise MusicFileError(path, said("the .mxl archive holds {count} files; a score holds a few").format(
            count=len(entries)))
    info = _root_file(archive, path)
    if info.file_size > MAX_SCORE_BYTES:
        raise MusicFileError(path, said(
            "its score unpacks to {size:.0f} MB, more than a score ({limit} MB at most); "
            "the archive may be a zip bomb").format(size=info.file_size / 1e6, limit=MAX_SCORE_BYTES // 2**20))
    return _read_entry(archive, info, MAX_SCORE_BYTES, path)


def _root_file(archive: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    """The score: the container's first rootfile, else the first MusicXML file (the one music21 would pick)."""
    entries = {e.filename: e for e in archive.infolist()}
    container = entries.get("META-INF/container.xml")
    if container is not None and container.file_size <= MAX_CONTAINER_BYTES:
        try:
            rootfile = _parse_xml(_read_entry(archive, container, MAX_CONTAINER_BYTES, path), path).find(".//rootfile")
        except MusicFileError:
            rootfile = None  # a damaged container: look for the score by name instead
        if rootfile is not None and rootfile.get("full-path") in entries:
            return entries[rootfile.get("full-path")]
    for name, info in entries.items():
        if not name.startswith("META-INF/") and name.lower().endswith(_SCORE_SUFFIXES):
            return info
    raise MusicFileError(path, said("the .mxl archive holds no MusicXML score"))


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, path: Path) -> bytes:
    try:
        with archive.open(info) as fh:
            data = fh.read(limit + 1)  # zipfile stops at the declared size, so the check above holds
    except Exception as exc:
        raise MusicFileError(path, said("the .mxl archive is damaged ({reason})").format(reason=_reason(exc))) from None
    if len(data) > limit:
        raise MusicFileError(path, said("{name} in the .mxl archive is larger than it says").format(name=info.filename))
    return data


def _parse_xml(data: bytes, path: Path) -> ElementTree.Element:
    # Entity declarations are how an XML file expands itself a billion times; MusicXML never needs them.
    if any(mark in data for mark in _ENTITY_MARKS):
        raise MusicFileError(path, said("the XML declares entities, which MusicXML never needs; it was not read"))
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise MusicFileError(path, said("not a readable musicxml file: damaged XML ({reason})").format(
            reason=_reason(exc))) from None
    except Exception as exc:  # expat raises other types for some encodings
        raise MusicFileError(path, said("not a readable musicxml file ({reason})").format(
            reason=_reason(exc))) from None


def musicxml_root(data: bytes, path: Path) -> ElementTree.Element:
    """The parsed score-partwise tree of a MusicXML document, its values checked."""
    root = _parse_xml(data, path)
    if root.tag == "score-timewise":
        raise MusicFileError(path, said("timewise MusicXML is not supported; export it as partwise MusicXML"))
    if root.tag != "score-partwise":
        raise MusicFileError(path, said("not a MusicXML score (its document is a <{tag}>)").format(tag=root.tag[:40]))
    notes, divisions, metres = 0, 1.0, []
    for element in root.iter():
        tag = element.tag
        if tag == "note":
            notes += 1
            if notes > MAX_SCORE_NOTES:
                raise MusicFileError(path, said(
                    "it holds more than {limit:,} notes, more than this app reads; "
                    "export fewer parts or a shorter excerpt").format(limit=MAX_SCORE_NOTES))
        elif tag == "divisions":
            value = _number(element)
            if value is not None and not 0 < value < math.inf:
                raise MusicFileError(path, said("a measure has {value} divisions per quarter note").format(
                    value=element.text.strip()[:20]))
            divisions = value or divisions
        elif tag == "duration":
            value = _number(element)
            if value is not None and not 0 <= value / divisions <= MAX_QUARTERS:
                raise MusicFileError(path, said(
                    "a duration of {value} divisions ({quarters:.3g} quarter notes) "
                    "is not a length a song can hold").format(
                    value=element.text.strip()[:20], quarters=value / divisions))
        elif tag == "time":
            metres.append(sum(_whole(b.text) for b in element.iter("beats")))
    _check_metres(metres, path)
    return root


def check_abc(text: str, path: Path) -> None:
    """ABC metres (M: fields, also inline as [M:...]) within what a song can use."""
    metres = re.findall(r"(?:^|\[)M:\s*([^\]\n%/]*)/", text, re.MULTILINE)
    _check_metres([_whole(m) for m in metres], path)


def check_humdrum(text: str, path: Path) -> None:
    """Humdrum metres (*M3/4 tokens) within what a song can use."""
    _check_metres([_whole(m) for m in re.findall(r"\*M([\d+]+)/", text)], path)


def _check_metres(beats: list[int], path: Path) -> None:
    for count in beats:
        if count > MAX_NUMERATOR:
            shown = f"{count}" if count < _HUGE else said("countless")
            raise MusicFileError(path, said(
                "a time signature of {beats} beats is not one this app can use (1 to {limit} beats)").format(
                beats=shown, limit=MAX_NUMERATOR))
    long_metres = {count for count in beats if count > LONG_METRE}
    if len(long_metres) > MAX_LONG_METRES:
        raise MusicFileError(path, said(
            "it uses {count} different time signatures of more than {beats} beats; music21 takes a second over each, "
            "so this app reads scores with up to {limit}").format(
            count=len(long_metres), beats=LONG_METRE, limit=MAX_LONG_METRES))


_HUGE = 10**9


def _whole(text: str | None) -> int:
    """The sum of the whole numbers in a metre's numerator such as "3+2" or "(2+2+3)"; 0 when there are none."""
    # Long digit runs are not converted: int() refuses strings of over 4,300 digits.
    return sum(int(digits) if len(digits) < 10 else _HUGE for digits in re.findall(r"\d+", text or ""))


def _number(element: ElementTree.Element) -> float | None:
    """The element's text as a number, or None when it is not one (music21 then reports it)."""
    try:
        return float((element.text or "").strip())
    except ValueError:
        return None


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
