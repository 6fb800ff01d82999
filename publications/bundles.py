"""A zip of stored PDFs, streamed: each file is read from storage in chunks and written out as
it goes, so neither the archive nor a whole PDF is ever held in memory."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from .models import Rendition

CHUNK = 64 * 1024


class ZipSink(io.RawIOBase):
    """An unseekable output that hands over what has been written since the last drain: a
    zip archive written into it streams out chunk by chunk (here and in opendata.bulk)."""

    def __init__(self):
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def drain(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


@dataclass(frozen=True)
class Entry:
    name: str  # the path inside the archive
    rendition: Rendition


def etag(entries: list[Entry]) -> str:
    """What makes the archive's bytes: each file's name, content and date. The same
    published PDFs give the same archive, byte for byte, and the same validator."""
    digest = hashlib.sha256()
    for entry in entries:
        rendition = entry.rendition
        digest.update(f"{entry.name}\0{rendition.sha256}\0{rendition.published_at}\n".encode())
    return digest.hexdigest()


def latest(entries: list[Entry]) -> datetime:
    """When the newest PDF in the archive was published: the archive's date."""
    return max(entry.rendition.published_at for entry in entries)


def stream_zip(entries: Iterable[Entry]) -> Iterator[bytes]:
    """The archive's bytes, chunk by chunk, ending with SHA256SUMS.txt for the PDFs in it,
    dated as the newest PDF in it (never the time of the request: the same PDFs give the
    same bytes)."""
    entries = list(entries)
    sink = ZipSink()
    sums = []
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for entry in entries:
            rendition = entry.rendition
            info = zipfile.ZipInfo(entry.name, rendition.published_at.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.file_size = rendition.size
            with rendition.file.open("rb") as source, archive.open(info, "w") as target:
                while chunk := source.read(CHUNK):
                    target.write(chunk)
                    yield sink.drain()
            sums.append(f"{rendition.sha256}  {entry.name}\n")
            yield sink.drain()
        info = zipfile.ZipInfo("SHA256SUMS.txt", latest(entries).timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, "".join(sums))
    yield sink.drain()
