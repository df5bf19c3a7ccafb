"""Tables as data: the page draws them beside their charts, and the same rows go out as CSV."""

import csv
from dataclasses import dataclass, field
from datetime import date, datetime

from django.http import HttpResponse
from django.utils.text import slugify


@dataclass
class Link:
    text: str
    url: str

    def __str__(self):
        return self.text


@dataclass
class Table:
    name: str
    caption: str
    headers: list
    rows: list = field(default_factory=list)
    chart: dict | None = None
    wide: bool = False  # many columns: the chart goes above the table, not beside it


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_response(table, filename_stem):
    """The table as CSV (UTF-8 with a BOM, so spreadsheets read Cyrillic right)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(f"{filename_stem}-{table.name}") or table.name
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(header) for header in table.headers])
    for row in table.rows:
        writer.writerow([cell_text(value) for value in row])
    return response


def find(tables, name):
    return next((table for table in tables if table.name == name), None)
