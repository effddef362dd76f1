"""Score files built by hand for the tests: a small real MusicXML lead sheet, .mxl archives around it, ABC, Humdrum."""

from __future__ import annotations

import io
import zipfile

from tests.music.test_score_io import LEAD_SHEET_XML

CONTAINER = ('<?xml version="1.0" encoding="UTF-8"?><container><rootfiles>'
             '<rootfile full-path="{root}" media-type="application/vnd.recordare.musicxml+xml"/>'
             '</rootfiles></container>')


def mxl(entries: dict[str, bytes | str], root: str | None = "score.xml") -> bytes:
    """A compressed MusicXML archive holding `entries`, with a container naming `root` (None: no container)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        if root is not None:
            archive.writestr("META-INF/container.xml", CONTAINER.format(root=root))
        for name, data in entries.items():
            archive.writestr(name, data)
    return buf.getvalue()


def zip_bomb(megabytes: int) -> bytes:
    """An honest .mxl whose score unpacks to `megabytes` MB of spaces (some 100 KB compressed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("META-INF/container.xml", CONTAINER.format(root="score.xml"))
        with archive.open("score.xml", "w", force_zip64=True) as fh:
            fh.write(b"<score-partwise>")
            block = b" " * 2**20
            for _ in range(megabytes):
                fh.write(block)
    return buf.getvalue()


def replaced(old: str, new: str) -> str:
    """The lead sheet with one piece of its text replaced (the piece must be there)."""
    assert old in LEAD_SHEET_XML, old
    return LEAD_SHEET_XML.replace(old, new)


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE score-partwise [<!ENTITY l0 "lol">'
                  + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
                  + ']><score-partwise><work><work-title>&l9;</work-title></work></score-partwise>')

ABC_TUNE = "X:1\nT:Tune\nM:{metre}\nL:1/8\nK:G\n{body}|]\n"
KERN = "**kern\n*M{metre}\n{body}\n*-\n"
