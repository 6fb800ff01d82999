"""The Fiscal Data Package: ``datapackage.json`` describing the CSV tables of ``tables.TABLES``
with the fiscal model, and the data dictionary that goes inside every bulk download.

The package is a Tabular Data Package (Frictionless) whose fields carry Fiscal Data Package
``columnType`` concepts: ``value`` for amounts, ``date:fiscal-year`` for the year, the
administrative classification in three levels (department › project › sub-item), the source of
funds; the currency is a constant extra field (CNY). ``frictionless validate datapackage.json``
passes on what ``bulk.stream_package`` writes (see tests/opendata/test_package.py).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from budget.spreadsheet import csv_text

from .tables import DATETIME_FORMAT, TABLES, Table

DATA_DIR = "data"
# The data dictionary's columns: (header, type, meaning in English). Its headers are Chinese,
# as every table's are.
DICTIONARY_FIELDS = (
    ("数据表", "string", "Resource (table) the field belongs to: its file is data/<name>.csv"),
    ("数据表名称", "string", "Title of the table in Chinese"),
    ("字段", "string", "Field (column) name, the CSV's header"),
    ("字段标识", "string", "The field's ASCII identifier (snake_case)"),
    ("类型", "string", "Table Schema type of the field"),
    ("含义（英文）", "string", "Meaning of the field in English"),
    ("财政数据包概念", "string", "Fiscal Data Package columnType, if any"),
)
DICTIONARY_PATH = f"{DATA_DIR}/data_dictionary.csv"
# What budget.spreadsheet.csv_text does to the CSV's text fields, said where the fields are
# described (the JSON downloads and the API keep the text as it is).
TEXT_NOTE_ZH = (
    "文本字段若以 = + - @、制表符或回车开头，CSV 中在其前加一个英文单引号（'），"
    "以免电子表格软件把它当作公式执行；JSON 下载和 API 保留原文。"
)
TEXT_NOTE_EN = (
    "A string field starting with = + - @, tab or carriage return is written in the CSV with a "
    "leading apostrophe (') so that spreadsheets do not run it as a formula; the JSON "
    "downloads and the API keep the text as written."
)


def resource_path(table: Table) -> str:
    return f"{DATA_DIR}/{table.name}.csv"


def _field(field) -> dict[str, Any]:
    # The name is the CSV's header, in Chinese, so that the files open readably in Excel and
    # WPS; the ASCII identifier is in the description and the data dictionary.
    descriptor: dict[str, Any] = {
        "name": field.zh,
        "title": field.zh,
        "type": field.type,
        "description": f"{field.en} ({field.name})",
    }
    if field.type == "boolean":
        descriptor |= {"trueValues": ["是"], "falseValues": ["否"]}  # as the other CSVs write it
    if field.column_type:
        descriptor["columnType"] = field.column_type
    if field.amount:
        descriptor["unit"] = "元 (CNY)"
    if field.type == "datetime":
        descriptor["format"] = DATETIME_FORMAT  # Beijing time, no offset: Excel reads it
    return descriptor


def _resource(table: Table, tables=TABLES) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(f) for f in table.fields],
        "missingValues": [""],
    }
    if table.primary_key:
        schema["primaryKey"] = table.headers(table.primary_key)
    if table.foreign_keys:
        by_name = {t.name: t for t in tables}
        schema["foreignKeys"] = [
            {
                "fields": table.headers(fields),
                "reference": {"resource": resource, "fields": by_name[resource].headers(ref)},
            }
            for fields, resource, ref in table.foreign_keys
        ]
    if any(f.column_type == "value" for f in table.fields):
        # Fiscal Data Package: what the rows leave implicit, stated as constant columns.
        schema["extraFields"] = [
            {
                "name": "currency",
                "type": "string",
                "columnType": "value-currency:code",
                "constant": "CNY",
            },
            {
                "name": "direction",
                "type": "string",
                "columnType": "direction",
                "constant": "expenditure",
            },
        ]
    return {
        "name": table.name,
        "title": table.zh,
        "description": table.en,
        "path": resource_path(table),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _dictionary_resource() -> dict[str, Any]:
    return {
        "name": "data_dictionary",
        "title": "数据字典",
        "description": (
            "Every field of every table: its Chinese name (the CSV header), identifier, type "
            "and meaning in English"
        ),
        "path": DICTIONARY_PATH,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [
                {"name": name, "type": type_, "description": en}
                for name, type_, en in DICTIONARY_FIELDS
            ],
            "primaryKey": ["数据表", "字段"],
        },
    }


def descriptor(*, year: int | None, base_url: str = "", tables=TABLES) -> dict[str, Any]:
    """``datapackage.json`` for one fiscal year, or for every year (``year=None``)."""
    scope = f"{year}年" if year is not None else "全部年度"
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": f"budget-disclosures-{year if year is not None else 'all'}",
        "title": f"重点领域财政项目文本公开数据（{scope}）",
        "description": (
            "已公开的重点领域财政项目：项目、子项目、测算明细、计算因子、立项依据、资金来源、"
            "绩效指标。金额以元计，保留两位小数。" + TEXT_NOTE_ZH + "Published key-area project "
            "budgets of Chinese budget units; amounts in yuan (CNY) with two decimals. "
            + TEXT_NOTE_EN
        ),
        "homepage": base_url + "/data/" if base_url else "/data/",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
        "countryCode": "CN",
        "resources": [_resource(t, tables) for t in tables] + [_dictionary_resource()],
    }
    if year is not None:
        package["fiscalPeriod"] = {"start": f"{year}-01-01", "end": f"{year}-12-31"}
    return package


def dictionary_csv(tables=TABLES, *, bom: bool = False) -> str:
    """The data dictionary as CSV text: one row per field of every table."""
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")  # as csvdata: RFC 4180
    writer.writerow([name for name, *_ in DICTIONARY_FIELDS])
    for table in tables:
        for field in table.fields:
            # Every column of the dictionary is text.
            writer.writerow(
                csv_text(value)
                for value in (
                    table.name,
                    table.zh,
                    field.zh,
                    field.name,
                    field.type,
                    field.en,
                    field.column_type,
                )
            )
    return out.getvalue()
