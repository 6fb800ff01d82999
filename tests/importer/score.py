"""How well the importer reads real texts: ``make importer-score``.

Every file of ``tests/importer/corpus/`` (a real published text, see its README) is read as an
upload would be (:func:`sourcefiles.read_file`), parsed (:func:`budget.importer.parse_disclosure`)
and compared with the result a person read from it (``NAME.expected.json``). Each expected
value is one of:

- **right**: the importer's value is the expected one;
- **flagged**: the importer left it empty, or said it could not read it (a finding naming the
  field), so staff are sent to it: not right, but not a silent error either;
- **wrong**: any other value, or an empty one nobody is told about. The bar is none of these
  for departments, units, years and amounts. A project not read at all is wrong in every
  field, unless the importer said it left rows of a table unread (a finding on ``rows``):
  then flagged. A text of several projects that the importer read as one, saying so (a
  finding on ``projects``), is scored as a refusal: every value flagged, none right.

Accuracy is printed per field and per layout (a–e, mixed); ``--files`` adds one line per file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
SUFFIXES = (".txt", ".docx", ".pdf", ".xlsx")
FIELDS = (
    "department",
    "fiscal_year",
    "projects",
    "name",
    "implementing_unit",
    "declared_total",
    "citations",
    "sub_items",
    "calculations",
)
LABELS = {
    "department": "预算单位",
    "fiscal_year": "年度",
    "projects": "项目个数",
    "name": "项目名称",
    "implementing_unit": "实施单位",
    "declared_total": "项目金额",
    "citations": "立项依据条数",
    "sub_items": "子项目个数",
    "calculations": "测算",
}
RIGHT, FLAGGED, WRONG = "right", "flagged", "wrong"


@dataclass
class FileScore:
    name: str
    layout: str
    verdicts: list[tuple[str, str, str]] = field(default_factory=list)  # (field, verdict, note)
    error: str = ""
    whole_text: bool = False  # read as one project, said so, where the text holds several

    def add(self, what: str, verdict: str, note: str = "") -> None:
        self.verdicts.append((what, verdict, note))


def _squash(text) -> str:
    # A name copied from a text in traditional characters is the name the importer reads in
    # simplified ones (budget.importer.script).
    from budget.importer.script import simplified

    # (and a name is the same with or without the stop a cell wrote after it)
    return re.sub(r"[\s|]+", "", simplified(str(text or ""), always=True)[0]).rstrip("。．")


def _same_text(a, b) -> bool:
    return _squash(a) == _squash(b)


def _same_amount(a, b) -> bool:
    return Decimal(a) == Decimal(b)


def _numbers(text: str) -> list[Decimal]:
    # A year (2019年种植3060亩) dates a quantity; it is not one; nor is a model written in
    # letters and digits (PE160, de200).
    # A count in 万 of its unit (6.88万亩) is that many ten-thousands, as the importer reads it;
    # a sum in 万元 stays as written (its factor is in 万元). An age says who is counted, it
    # is no quantity (12906名80—99周岁老人, 100周岁以上高龄老人25人).
    # (quantities copied from a text in traditional characters, 800萬畝, are read as the
    # importer reads them, in simplified ones)
    from budget.importer.script import simplified
    from budget.normalize import halfwidth

    text = simplified(halfwidth(text or ""), always=True)[0]
    text = re.sub(r"[0-9]+(?:\s*[—\-~～至到]\s*[0-9]+)?\s*(?:周岁|岁)", "", text)
    numbers = re.findall(
        r"(?:19|20)[0-9]{2}(?=\s*年)|(?![xX][0-9])[A-Za-z]+[0-9.]+"
        r"|([0-9]+(?:\.[0-9]+)?)(万(?![余多]?\s*元))?",
        text,
    )
    return [Decimal(n) * (10_000 if wan else 1) for n, wan in numbers if n]


def _flagged(findings, project: int | None, what: str) -> bool:
    return any(
        getattr(finding, "field", None) == what
        and finding.severity in ("warning", "error")
        and (project is None or finding.project in (None, project))
        for finding in findings
    )


def _value(expected, got, *, same, findings, project, what) -> tuple[str, str]:
    if expected is None:
        # Nothing to read: right when nothing was invented, flagged when it was said.
        if got in (None, "", 0) or _flagged(findings, project, what):
            return RIGHT, ""
        return WRONG, f"原文没有，却得到“{got}”"
    if got not in (None, "") and same(expected, got):
        return RIGHT, ""
    if got in (None, "") or _flagged(findings, project, what):
        return FLAGGED, f"应为“{expected}”"
    return WRONG, f"应为“{expected}”，得到“{got}”"


def _lines(project: dict) -> list[dict]:
    def walk(lines):
        for line in lines:
            yield line
            yield from walk(line.get("children", []))

    return [line for sub in project.get("sub_items", []) for line in walk(sub.get("lines", []))]


def _calculation_found(expected: list, lines: list[dict]) -> bool:
    """A calculation is read when a line carries its quantities (every number of the
    expected quantities among the line's factors) and, when the text states one, its amount.

    Or when the text states its amount and a line's factors, two at least, are numbers of
    the expected quantities whose product is that amount exactly: the quantities as a person
    copied them may hold words around the calculation (``10个试点村共4417户 × 每户5000元``
    for 4417户 × 5000元 = 2208.5万元), which no line is to carry."""
    from types import SimpleNamespace

    from budget.amounts import round_yuan
    from budget.formulas import product

    _, amount, quantities = expected
    wanted = Counter(_numbers(quantities))
    for line in lines:
        factors = Counter(Decimal(f["value"]) for f in line.get("factors", []))
        if not wanted - factors:
            if amount is None or (
                line.get("amount_yuan") and Decimal(line["amount_yuan"]) == Decimal(amount)
            ):
                return True
        elif (
            amount is not None
            and factors.total() >= 2
            and not factors - wanted
            and line.get("amount_yuan")
            and Decimal(line["amount_yuan"]) == Decimal(amount)
        ):
            made = product(
                SimpleNamespace(value=Decimal(f["value"]), unit=f.get("unit", ""))
                for f in line["factors"]
            )
            if round_yuan(made) == Decimal(amount):
                return True
    return False


def _match_projects(expected: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    """Expected projects with the parsed project of the same name, else the one in the same
    place. Names are matched first, for every project, so that a project missed early in
    the text does not take, by its place, the parsed project another one is named as."""
    by_name: dict[int, int] = {}
    for index, wanted in enumerate(expected):
        match = next(
            (
                i
                for i, project in enumerate(got)
                if i not in by_name.values() and _squash(project["name"]) == _squash(wanted["name"])
            ),
            None,
        )
        if match is not None:
            by_name[index] = match
    used = set(by_name.values())
    pairs = []
    for index, wanted in enumerate(expected):
        match = by_name.get(index)
        if match is None and index < len(got) and index not in used:
            match = index
            used.add(match)
        pairs.append((wanted, got[match] if match is not None else None))
    return pairs


def score_file(path: Path, expected: dict) -> FileScore:
    from budget.importer import TextImportError, parse_disclosure
    from sourcefiles import UnreadableFile, read_file

    score = FileScore(path.name, expected["layout"])
    try:
        source = read_file(path.name, path.read_bytes())
        result = parse_disclosure(source.text)
        if result.errors:
            # An import error keeps the text from being stored: as good as a refusal.
            raise TextImportError(result.errors[0].message)
    except (UnreadableFile, TextImportError) as error:
        # A clear refusal: every expected value is flagged (staff are told), none is wrong.
        score.error = str(error)
        for what in ("department", "fiscal_year", "projects"):
            score.add(what, FLAGGED, score.error)
        for _ in expected["projects"]:
            for what in FIELDS[3:]:
                score.add(what, FLAGGED, score.error)
        return score
    except Exception as error:  # a crash is the worst outcome: every value is wrong
        score.error = f"崩溃：{type(error).__name__}: {error}"
        for what in FIELDS:
            score.add(what, WRONG, score.error)
        return score
    tree, findings = result.tree, result.findings
    score.add(
        "department",
        *_value(
            expected["department"],
            tree["department"]["name"],
            same=lambda a, b: _squash(a) == _squash(b),
            findings=findings,
            project=None,
            what="department",
        ),
    )
    score.add(
        "fiscal_year",
        *_value(
            expected["fiscal_year"],
            tree["disclosure"]["fiscal_year"],
            same=lambda a, b: int(a) == int(b),
            findings=findings,
            project=None,
            what="fiscal_year",
        ),
    )
    count = len(expected["projects"])
    # The importer may say it read the whole text as one project because it could not split
    # it (a finding on "projects"): where the text holds several, that is scored as a
    # refusal, every value flagged (staff are told to enter them) and none credited.
    if _flagged(findings, None, "projects") and count > 1:
        score.whole_text = True
        note = "整体作为一个项目导入，已提示按原文逐一录入"
        score.add("projects", FLAGGED, note)
        for _ in expected["projects"]:
            for what in FIELDS[3:]:
                score.add(what, FLAGGED, note)
        return score
    score.add(
        "projects",
        RIGHT
        if len(tree["projects"]) == count
        else FLAGGED
        if _flagged(findings, None, "rows")
        else WRONG,
        f"应为 {count} 个，得到 {len(tree['projects'])} 个",
    )
    # Rows of a table the importer said it left unread (a finding on "rows") are flagged.
    missed = FLAGGED if _flagged(findings, None, "rows") else WRONG
    for wanted, got in _match_projects(expected["projects"], tree["projects"]):
        if got is None:
            for what in FIELDS[3:]:
                score.add(what, missed, f"没有读出项目“{wanted['name']}”")
            continue
        number = got["sequence"]
        for what, wanted_key, same in (
            ("name", "name", _same_text),
            ("implementing_unit", "implementing_unit", _same_text),
            ("declared_total", "declared_total_yuan", _same_amount),
        ):
            got_key = "declared_total_yuan" if what == "declared_total" else what
            score.add(
                what,
                *_value(
                    wanted[wanted_key],
                    got[got_key],
                    same=same,
                    findings=findings,
                    project=number,
                    what=what,
                ),
            )
        score.add(
            "citations",
            RIGHT if len(got["citations"]) == wanted["citations_count"] else WRONG,
            f"应为 {wanted['citations_count']} 条，得到 {len(got['citations'])} 条",
        )
        subs = len(wanted["sub_items"])
        got_subs = len(got["sub_items"])
        # A project without parts is stored as one sub-item holding it all.
        score.add(
            "sub_items",
            RIGHT if got_subs == subs or (subs == 0 and got_subs <= 1) else WRONG,
            f"应为 {subs} 个，得到 {got_subs} 个",
        )
        lines = _lines(got)
        for calculation in wanted["calculations"]:
            found = _calculation_found(calculation, lines)
            score.add("calculations", RIGHT if found else FLAGGED, "" if found else calculation[2])
    return score


def corpus_files(folder: Path = CORPUS) -> list[tuple[Path, dict]]:
    found = []
    for expected_path in sorted(folder.glob("*.expected.json")):
        stem = expected_path.name.removesuffix(".expected.json")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        for suffix in SUFFIXES:
            source = folder / f"{stem}{suffix}"
            if source.exists():
                found.append((source, expected))
    return found


def score_corpus(folder: Path = CORPUS) -> list[FileScore]:
    return [score_file(path, expected) for path, expected in corpus_files(folder)]


def _share(counts: Counter) -> str:
    total = sum(counts.values())
    if not total:
        return "—"
    return (
        f"{counts[RIGHT] / total:6.1%} 正确  {counts[FLAGGED]:3d} 已标出  "
        f"{counts[WRONG]:3d} 错误  （共 {total}）"
    )


def report(scores: list[FileScore], *, files: bool = False) -> str:
    by_field: dict[str, Counter] = defaultdict(Counter)
    by_layout: dict[str, Counter] = defaultdict(Counter)
    for score in scores:
        for what, verdict, _ in score.verdicts:
            by_field[what][verdict] += 1
            by_layout[score.layout][verdict] += 1
    out = [f"导入准确率：{len(scores)} 个文件（tests/importer/corpus/）", "", "按字段："]
    for what in FIELDS:
        out.append(f"  {LABELS[what]:<8}{_share(by_field[what])}")
    out += ["", "按版式："]
    for layout in sorted(by_layout):
        out.append(f"  {layout:<8}{_share(by_layout[layout])}")
    total = Counter()
    for counts in by_field.values():
        total.update(counts)
    out += ["", f"  合计    {_share(total)}"]
    refused = sum(1 for score in scores if score.error and not score.error.startswith("崩溃"))
    whole = sum(1 for score in scores if score.whole_text)
    out.append(f"  （拒绝导入 {refused} 个文件；{whole} 个多项目文件整体作为一个项目导入并已提示）")
    if files:
        out += ["", "按文件："]
        for score in scores:
            counts = Counter(verdict for _, verdict, _ in score.verdicts)
            out.append(f"  {score.name:<60}{_share(counts)}")
            if score.error:
                out.append(f"      {score.error}")
            for what, verdict, note in score.verdicts:
                if verdict == WRONG:
                    out.append(f"      错误 {LABELS[what]}：{note}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", action="store_true", help="每个文件一行，列出错误")
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    options = parser.parse_args(argv)
    print(report(score_corpus(options.folder), files=options.files))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main())
