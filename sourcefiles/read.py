"""Which kind of file the bytes are, and the reader for it."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from budget.importer.decode import DecodeError, check_size, decode_bytes
from budget.text import cleaned

from .excel import read_xlsx
from .lines import FORMAT_NAMES, Line, SourceText, UnreadableFile
from .pdf import check_pdf, read_pdf
from .word import read_docx

# A .docx or .xlsx is a zip: what it unpacks to is bounded as well as what was sent, so a
# small file that inflates to gigabytes (a zip bomb) is refused before it is read.
MAX_UNPACKED = 50 * 1024 * 1024
MAX_MEMBERS = 5_000

TEXT_SUFFIXES = {".txt", ".text", ".csv", ""}
ACCEPT = ".txt,.docx,.pdf,.xlsx"
"""What an upload field offers (the ``accept`` attribute)."""


def _kind(data: bytes) -> str:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableFile("文件已损坏，无法打开（压缩包结构不完整）。") from error
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise UnreadableFile("文件解压后过大，不像是项目文本，未读取。")
    names = {m.filename for m in members}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise UnreadableFile("文件是压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件。")


def _refuse_ole(data: bytes, suffix: str) -> None:
    # An Office file with a password is an OLE container holding an "EncryptedPackage" stream
    # (MS-OFFCRYPTO), whatever its name says.
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise UnreadableFile("文件设有打开密码（已加密），无法读取。请取消密码后另存，再上传。")
    if suffix in (".xls", ".et"):
        raise UnreadableFile(
            "这是旧版 Excel 文件（.xls）。请在 Excel 或 WPS 中“另存为” .xlsx 格式后上传。"
        )
    raise UnreadableFile(
        "这是旧版 Word 文件（.doc）。请在 Word 或 WPS 中“另存为” .docx 格式后上传，或导出为 PDF。"
    )


def _text(data: bytes) -> SourceText:
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        raise UnreadableFile(str(error)) from error
    lines = tuple(
        Line(text, f"第{number}行") for number, text in enumerate(decoded.text.split("\n"), 1)
    )
    return SourceText("txt", lines, encoding=decoded.encoding)


def check_file(name: str, data: bytes) -> str:
    """What kind of file ``name`` holding ``data`` is ("txt", "docx", "xlsx", "pdf"), after
    the checks that take no reading (size, type by its bytes, old formats, a mislabelled,
    encrypted, oversized or corrupt container), or :class:`UnreadableFile`. Quick enough for
    a request; :func:`read_file` does the reading."""
    suffix = PurePath(name).suffix.lower()
    try:
        check_size(data)
    except DecodeError as error:
        raise UnreadableFile(str(error)) from None
    kind = _kind(data)
    if kind == "ole":
        _refuse_ole(data, suffix)
    if kind == "rtf":
        raise UnreadableFile("这是 RTF 文件。请在 Word 或 WPS 中“另存为” .docx 格式后上传。")
    if kind == "zip":
        kind = _zip_kind(data)
    expected = {".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx"}.get(suffix)
    if expected and expected != kind:
        raise UnreadableFile(
            f"文件名是 {suffix}，内容却不是{FORMAT_NAMES[expected]}文件，可能已损坏或被改了扩展名。"
        )
    if kind == "text" and suffix not in TEXT_SUFFIXES:
        raise UnreadableFile(
            f"不支持 {suffix} 文件。"
            "可导入的格式：Word（.docx）、PDF、Excel（.xlsx）和文本（.txt）。"
        )
    if kind == "text":
        _text(data)  # decoding is quick: an undecodable text is refused at once
        return "txt"
    if kind == "pdf":
        check_pdf(data)
    return kind


def read_file(name: str, data: bytes) -> SourceText:
    """The lines of the file ``name`` holding ``data``, or :class:`UnreadableFile`."""
    kind = check_file(name, data)
    if kind == "txt":
        return _text(data)
    reader = {"docx": read_docx, "xlsx": read_xlsx, "pdf": read_pdf}[kind]
    try:
        result = reader(data)
    except UnreadableFile:
        raise
    except Exception as error:
        # Whatever a damaged file makes a reader trip over is a message, never a crash.
        raise UnreadableFile(
            f"{FORMAT_NAMES[kind]}文件已损坏或结构不规范，无法读取。请在原软件中另存后再上传。"
        ) from error
    lines = tuple(Line(cleaned(line.text), line.place) for line in result.lines)
    if not any(line.text.strip() for line in lines):
        raise UnreadableFile(f"{FORMAT_NAMES[result.format]}文件中没有文字。")
    return SourceText(result.format, lines, notes=result.notes)
