"""Which SoundFont to use: a user's choice, a better system one, or the General MIDI font pretty_midi ships."""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

from composer_app.audio.errors import AudioError, SoundFontError
from composer_app.said import said

# Debian/Ubuntu (fluid-soundfont-gm), then Arch and Fedora spellings of the same font.
SYSTEM_SOUNDFONTS = (
    Path("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
    Path("/usr/share/soundfonts/FluidR3_GM.sf2"),
    Path("/usr/share/soundfonts/FluidR3_GM2-2.sf2"),
)
SOUNDFONT_SUFFIXES = (".sf2", ".sf3")
BUNDLED_NAME = "TimGM6mb.sf2"

# The record sizes of the preset/instrument/sample tables an SF2 file must hold (SoundFont 2.04, section 7).
_PDTA_RECORDS = {
    b"phdr": 38, b"pbag": 4, b"pmod": 10, b"pgen": 4,
    b"inst": 22, b"ibag": 4, b"imod": 10, b"igen": 4, b"shdr": 46,
}


@dataclass(frozen=True)
class SoundFontChoice:
    """The SoundFont in use, and why the one asked for was not used (empty when it was)."""

    path: Path
    fallback_reason: str = ""

    @property
    def name(self) -> str:
        return self.path.name


def bundled_soundfont() -> Path:
    """pretty_midi's TimGM6mb.sf2 (GPL-2), present wherever pretty_midi is installed."""
    import importlib.util

    spec = importlib.util.find_spec("pretty_midi")
    if spec is None or not spec.submodule_search_locations:
        raise SoundFontError(BUNDLED_NAME, said(
            "pretty_midi is not installed, so its General MIDI SoundFont is missing"))
    return Path(list(spec.submodule_search_locations)[0]) / BUNDLED_NAME


def default_soundfont() -> Path:
    """The best General MIDI SoundFont installed: FluidR3_GM when present, else the bundled TimGM6mb."""
    for path in SYSTEM_SOUNDFONTS:
        if path.is_file() and os.access(path, os.R_OK):
            return path
    return bundled_soundfont()


def check_soundfont(path: str | os.PathLike) -> Path:
    """Return the path when it looks like a complete SF2/SF3 file, else raise SoundFontError saying why.

    FluidSynth is built with libinstpatch on Debian and can crash on files that are not SoundFonts, so the
    RIFF structure is checked here before FluidSynth ever sees the file.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise SoundFontError(path, said("no such file"))
    if path.is_dir():
        raise SoundFontError(path, said("is a folder, not a SoundFont"))
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            _check_riff(fh, size)
    except OSError as exc:
        raise SoundFontError(path, exc.strerror or str(exc)) from None
    except _Broken as exc:
        raise SoundFontError(path, exc.args[0]) from None
    return path


def choose_soundfont(requested: str | os.PathLike | None = None) -> SoundFontChoice:
    """The user's SoundFont when usable; otherwise the default, with the reason it was not used."""
    if requested:
        try:
            return SoundFontChoice(check_soundfont(requested))
        except SoundFontError as exc:
            fallback = check_soundfont(default_soundfont())
            return SoundFontChoice(fallback, said("{problem}; using {name} instead").format(
                problem=exc.args[0], name=fallback.name))
    path = default_soundfont()
    try:
        return SoundFontChoice(check_soundfont(path))
    except SoundFontError as exc:
        bundled = bundled_soundfont()
        if path == bundled:
            raise
        return SoundFontChoice(check_soundfont(bundled), said("{problem}; using {name} instead").format(
            problem=exc.args[0], name=bundled.name))


class _Broken(AudioError):
    """What is wrong inside a SoundFont; check_soundfont adds the file's name."""


def _check_riff(fh, size: int) -> None:
    head = fh.read(12)
    if len(head) < 12 or head[:4] != b"RIFF":
        raise _Broken(said("not a SoundFont (no RIFF header); choose an .sf2 or .sf3 file"))
    if head[8:12] != b"sfbk":
        raise _Broken(said("a RIFF file, but not a SoundFont (.sf2/.sf3)"))
    riff_size = struct.unpack("<I", head[4:8])[0]
    if riff_size + 8 > size:
        raise _Broken(said("truncated: the header promises {promised} bytes but the file has {size}").format(
            promised=riff_size + 8, size=size))
    lists = _chunks(fh, 12, riff_size + 8)
    found = {}
    for cid, offset, length in lists:
        if cid == b"LIST":
            fh.seek(offset)
            found[fh.read(4)] = (offset + 4, offset + length)
    for needed in (b"sdta", b"pdta"):
        if needed not in found:
            raise _Broken(said("corrupt: its {section} section is missing").format(section=needed.decode()))
    start, end = found[b"pdta"]
    tables = {cid: length for cid, _off, length in _chunks(fh, start, end)}
    for cid, record in _PDTA_RECORDS.items():
        if cid not in tables:
            raise _Broken(said("corrupt: its {table} table is missing").format(table=cid.decode()))
        if tables[cid] % record or tables[cid] < record:
            raise _Broken(said("corrupt: its {table} table has a broken size").format(table=cid.decode()))


def _chunks(fh, start: int, end: int):
    """(id, data offset, data length) of each chunk between two file offsets."""
    pos = start
    out = []
    while pos + 8 <= end:
        fh.seek(pos)
        header = fh.read(8)
        if len(header) < 8:
            raise _Broken(said("truncated inside a chunk header"))
        cid, length = header[:4], struct.unpack("<I", header[4:])[0]
        if pos + 8 + length > end:
            raise _Broken(said(
                "truncated or corrupt: chunk {chunk!r} runs past the end of its section").format(chunk=cid))
        out.append((cid, pos + 8, length))
        pos += 8 + length + (length & 1)
    return out
