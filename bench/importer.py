"""Importer throughput against the floor of loading the same records from JSON, in one run.

    make bench-importer

1. Parsing: the seed text and the sample texts under tests/importer/samples/ read into trees
   (``budget.importer.parse_disclosure``), in documents, lines and kilobytes per second,
   against the floor of decoding the same bytes and normalising each line (NFKC), the least
   that any reader of the text does.
2. Importing the seed text as ``manage.py import_disclosure`` does (decode, parse, write the
   draft records) against the floor: ``load_disclosure_tree`` storing the curated seed tree
   (fixtures/seed/), the same records with no text to read. The ratio is what reading the text
   costs on top of writing what it says. Each round is rolled back, so every round writes into
   the same database. Uses a throwaway SQLite database (or DATABASE_URL when set).
3. Reading an uploaded PDF of a long ruled table (an annual list, rendered here by WeasyPrint)
   as the upload job does (``sourcefiles.read_file``: tables by their ruling lines, rows in
   reading order, paragraphs joined), against the floor of pdfplumber's plain text of every
   page. The figure is why uploads are read by a job in the worker, not in the request.
"""

import json
import os
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["DEBUG"] = "0"
SCRATCH = tempfile.TemporaryDirectory(prefix="portal-bench-importer-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(SCRATCH.name) / 'bench.sqlite3'}")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from budget.importer import parse_disclosure  # noqa: E402
from budget.importer.decode import decode_bytes  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SEED_TEXT = REPO / "fixtures/seed/source/000_9d70447241eac908.txt"
SEED_JSON = REPO / "fixtures/seed/chengjiang-zzb-2024.json"
SAMPLES = sorted((REPO / "tests/importer/samples").glob("*.txt"))


class Rollback(Exception):
    pass


def seconds_per_round(fn, repeat: int) -> float:
    """Median seconds of ``repeat`` calls, over ROUNDS rounds, divided per call."""
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        times.append((time.perf_counter() - start) / repeat)
    return statistics.median(times)


def rolled_back(write) -> None:
    try:
        with transaction.atomic():
            write()
            raise Rollback
    except Rollback:
        pass


def main() -> None:
    from projects.services import load_disclosure_tree

    call_command("migrate", verbosity=0)
    texts = [SEED_TEXT.read_bytes(), *(path.read_bytes() for path in SAMPLES)]
    lines = sum(len(decode_bytes(raw).text.splitlines()) for raw in texts)
    size = sum(len(raw) for raw in texts)

    def parse_all():
        for raw in texts:
            parse_disclosure(decode_bytes(raw).text)

    def touch_all():
        for raw in texts:
            [unicodedata.normalize("NFKC", line) for line in decode_bytes(raw).text.splitlines()]

    parse = seconds_per_round(parse_all, 5)
    touch = seconds_per_round(touch_all, 5)
    tree = json.loads(SEED_JSON.read_text("utf-8"))

    def import_text():
        parsed = parse_disclosure(decode_bytes(SEED_TEXT.read_bytes()).text).tree
        load_disclosure_tree(parsed, publish=False)

    def load_json():
        load_disclosure_tree(json.loads(SEED_JSON.read_text("utf-8")), publish=False)

    rolled_back(load_json)  # warm up both paths once
    rolled_back(import_text)
    floor = seconds_per_round(lambda: rolled_back(load_json), 5)
    full = seconds_per_round(lambda: rolled_back(import_text), 5)
    projects = len(tree["projects"])
    print(f"parse {len(texts)} texts ({size / 1024:.0f} KB, {lines:,} lines):")
    for label, took in (("floor (decode, NFKC)", touch), ("parse", parse)):
        print(
            f"  {label:20} {len(texts) / took:8.1f} documents/s  {lines / took:10,.0f} lines/s"
            f"  {size / 1024 / took:8,.0f} KB/s   {touch / took:6.1%} of floor"
        )
    print(f"import the seed text ({projects} projects) against loading its curated JSON:")
    print(f"  floor (load JSON)   {1 / floor:8.1f} documents/s  {floor * 1000:7.1f} ms")
    print(
        f"  import (text)       {1 / full:8.1f} documents/s  {full * 1000:7.1f} ms"
        f"   {floor / full:6.1%} of floor"
    )
    read_pdf_upload()


def read_pdf_upload(rows: int = 1900) -> None:
    import io

    import pdfplumber
    from weasyprint import HTML

    from sourcefiles import read_file

    cells = "".join(
        f"<tr><td>{i}</td><td>某村道路硬化项目{i}</td><td>新建水泥路面{i}公里，宽4.5米</td>"
        f"<td>{i * 3}.5</td><td>某镇人民政府</td></tr>"
        for i in range(1, rows + 1)
    )
    pdf = HTML(
        string="<style>body{font-family:'Noto Sans CJK SC';font-size:9pt}"
        "td,th{border:.5pt solid black}</style><p>单位：万元</p>"
        "<table style='border-collapse:collapse'><tr><th>序号</th><th>项目名称</th>"
        f"<th>建设内容</th><th>资金（万元）</th><th>实施单位</th></tr>{cells}</table>"
    ).write_pdf()
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = len(document.pages)

    def floor_text():
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            for page in document.pages:
                page.extract_text()

    def upload():
        parse_disclosure(read_file("list.pdf", pdf).text)

    rounds = max(1, ROUNDS // 3)
    floor = statistics.median(_timed(floor_text) for _ in range(rounds))
    full = statistics.median(_timed(upload) for _ in range(rounds))
    print(f"read an uploaded PDF: a ruled table of {rows:,} rows on {pages} pages:")
    print(f"  floor (plain text)  {pages / floor:8.1f} pages/s  {floor:7.1f} s")
    print(
        f"  read and parse      {pages / full:8.1f} pages/s  {full:7.1f} s"
        f"   {floor / full:6.1%} of floor"
    )


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
