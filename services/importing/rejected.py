"""The rows an import left out, written beside the source for fixing: `<stem>.rejected.csv`."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from services import messages
from services.csv_writer import text_field
from services.errors import LavkaError
from services.files import failure
from services.importing.plan import ImportPlan, SkippedRow
from services.importing.source import Cell
from services.messages import Translate, english


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "1" if cell else "0"
    if isinstance(cell, dt.datetime):
        return cell.strftime("%d.%m.%Y %H:%M") if cell.time() else cell.strftime("%d.%m.%Y")
    if isinstance(cell, dt.date):
        return cell.strftime("%d.%m.%Y")
    if isinstance(cell, Decimal | int | float):
        return str(cell).replace(".", ",")
    return text_field(str(cell))


def write_rejected(
    source: Path,
    headers: Sequence[str],
    rows: Sequence[SkippedRow],
    sheet: str = "",
    translate: Translate = english,
) -> Path:
    """The skipped rows beside the source, `<stem>.rejected.csv` (or `<stem>.<sheet>.rejected
    .csv`): UTF-8 with BOM, `;`, the source's columns plus "Reason" (in the language of
    `translate`)."""
    source = Path(source)
    stem = f"{source.stem}.{sheet}" if sheet else source.stem
    target = source.with_name(f"{stem}.rejected.csv")
    try:
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow([*headers, messages.text("import.reason_column", (), translate)])
            for row in rows:
                cells = [_csv_cell(c) for c in row.cells]
                where = messages.text("import.row", (str(row.row),), translate)
                reason = messages.text("import.where", (where, row.said(translate)), translate)
                writer.writerow([*cells, text_field(reason)])
    except OSError as error:
        raise failure(LavkaError, "import.rejected_file", error, target) from error
    return target


def write_skipped(
    source: Path, plan: ImportPlan, translate: Translate = english
) -> tuple[Path, ...]:
    """One `<stem>[.<sheet>].rejected.csv` per sheet with skipped rows."""
    sheets = sorted({row.sheet for row in plan.skipped})
    several = len(plan.headers) > 1
    return tuple(
        write_rejected(
            source,
            plan.headers.get(sheet, ()),
            [row for row in plan.skipped if row.sheet == sheet],
            sheet if several else "",
            translate,
        )
        for sheet in sheets
    )
