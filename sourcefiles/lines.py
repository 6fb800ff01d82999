"""What every reader gives: the lines of a file, each with its place, and the refusal."""

from __future__ import annotations

from dataclasses import dataclass, field

FORMAT_NAMES = {"docx": "Word（.docx）", "pdf": "PDF", "xlsx": "Excel（.xlsx）", "txt": "文本"}


class UnreadableFile(ValueError):
    """A file that cannot be read as a disclosure; the message says why, in Chinese, and what
    to do instead."""


@dataclass(frozen=True)
class Line:
    text: str
    place: str  # where in the file: 第3行, 第12段, 表2 第3行, 第4页, 工作表“明细” 第5行


@dataclass(frozen=True)
class SourceText:
    format: str  # "txt", "docx", "pdf" or "xlsx"
    lines: tuple[Line, ...]
    encoding: str | None = None  # of a text file
    notes: tuple[str, ...] = field(default=())  # what could not be read, in Chinese

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES[self.format]


def row_text(cells: list[str]) -> str:
    """A table row as one line: its cells, each on one line, joined by `` | ``; an empty cell
    keeps its place (so cells stay under their column's header), empty ones at the end go,
    and a row of nothing but empty cells is ""."""
    kept = [" ".join(cell.split()) for cell in cells]
    while kept and not kept[-1]:
        kept.pop()
    return " | ".join(kept) if any(kept) else ""
