"""Members of a .tar read in place and safely: regular files only, nothing extracted, sizes bounded."""

from __future__ import annotations

import os
import tarfile
from pathlib import PurePosixPath

from composer_app.models.checkpoints.sstable import FormatError
from composer_app.said import said

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 1 << 36
MAX_IN_MEMORY_BYTES = 4 << 30


class FileRange:
    """A window of an open file, read piecewise on slicing, so that untouched tensors are never read."""

    def __init__(self, handle, offset: int, size: int):
        self._handle, self._offset, self._size = handle, offset, size

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, span: slice) -> bytes:
        start, stop, _ = span.indices(self._size)
        self._handle.seek(self._offset + start)
        return self._handle.read(max(0, stop - start))


def _safe(member: tarfile.TarInfo) -> bool:
    parts = PurePosixPath(member.name).parts
    return member.isreg() and not member.issparse() and bool(parts) and parts[0] != "/" and ".." not in parts


class TarMembers:
    """The regular, safely named members of a tar by normalised name; links, devices and '..' paths are ignored."""

    def __init__(self, path: str | os.PathLike):
        try:
            self._handle = open(path, "rb")  # noqa: SIM115 - held until close(), members are read lazily
        except OSError as exc:
            raise FormatError(said("cannot open it ({reason})").format(reason=exc.strerror or str(exc))) from None
        try:
            self._size = os.fstat(self._handle.fileno()).st_size
            try:
                self._tar, self.members = self._list("r:")
                self.compressed = False
            except FormatError:
                self._tar, self.members = self._list("r:*")
                self.compressed = True
        except BaseException:
            self._handle.close()
            raise

    def _list(self, mode: str) -> tuple[tarfile.TarFile, dict[str, tarfile.TarInfo]]:
        self._handle.seek(0)
        try:
            tar = tarfile.open(fileobj=self._handle, mode=mode)  # noqa: SIM115 - its file is ours to close
            members: dict[str, tarfile.TarInfo] = {}
            for count, member in enumerate(tar):
                if count >= MAX_MEMBERS:
                    raise FormatError(said("more than {limit} members in the tar").format(limit=MAX_MEMBERS))
                if _safe(member):
                    members.setdefault(str(PurePosixPath(member.name)), member)
            return tar, members
        except FormatError:
            raise
        except tarfile.ReadError:
            # Its text is several lines of tarfile's attempts; the user needs only what the file is not.
            raise FormatError(said("not a tar archive, or a damaged one")) from None
        except Exception as exc:  # the stdlib tar and its decompressors raise many kinds on damaged archives
            detail = str(exc).splitlines()[0] if str(exc) else ""
            error = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
            raise FormatError(said("not a readable tar ({error})").format(error=error)) from None

    def data(self, name: str, cap: int = MAX_MEMBER_BYTES):
        """A member's content: a lazy FileRange for a plain tar, bytes for a compressed one."""
        member = self.members[name]
        if member.size > min(cap, MAX_IN_MEMORY_BYTES if self.compressed else cap):
            raise FormatError(said("member {name} is implausibly large ({size} bytes)").format(
                name=name, size=member.size))
        if not self.compressed:
            if member.offset_data + member.size > self._size:
                raise FormatError(said("the tar is truncated inside member {name}").format(name=name))
            return FileRange(self._handle, member.offset_data, member.size)
        try:
            data = self._tar.extractfile(member).read(member.size)
        except Exception as exc:  # decompression errors surface only while reading
            raise FormatError(said("member {name} cannot be read ({error})").format(
                name=name, error=f"{type(exc).__name__}: {exc}")) from None
        if len(data) != member.size:
            raise FormatError(said("the tar is truncated inside member {name}").format(name=name))
        return data

    def close(self) -> None:
        self._handle.close()
