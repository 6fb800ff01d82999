"""Uploaded disclosure files → lines of text, each with the place in the file it came from.

Finance staff have their project texts as Word (.docx), PDF, Excel (.xlsx) or plain text, in
whatever layout their predecessor used. :func:`read_file` turns any of them into the one thing
the importer (:mod:`budget.importer`) reads, lines of text, and keeps for every line where it
stood (第12段, 表2 第3行, 第4页, 工作表“明细” 第5行), so staff can compare each value with
the file they sent. Tables stay rows: a row's cells are joined by `` | ``, the way tables
flattened on government sites already read (``项目名称 | 农村文化建设配套补助经费``).

The type is read from the bytes, never from the name alone; a file that is not what it says,
is encrypted, corrupt, too large, or a scan without a text layer gets a Chinese message
(:class:`UnreadableFile`) and nothing is guessed. Old binary Word and Excel files (.doc, .xls)
are refused with a request to save them as .docx or .xlsx: see docs/import.md for why.

Pure Python, no Django.
"""

from .lines import Line, SourceText, UnreadableFile
from .read import check_file, read_file

__all__ = ["Line", "SourceText", "UnreadableFile", "check_file", "read_file"]
