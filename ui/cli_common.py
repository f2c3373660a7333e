"""What the command line's subcommands share: argument types and text tables."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import TextIO


def money(value: Decimal | None) -> str:
    """`1 250.50` with a thin group separator; "—" for no figure."""
    if value is None:
        return "—"
    return f"{value:,.2f}".replace(",", " ")


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def table(
    out: TextIO,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Collection[int] | None = None,
) -> None:
    """Columns padded to their widest cell under a ruled header; the columns in `right`
    (every one but the first, unless given) are aligned right, as numbers are."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    right = range(1, len(header)) if right is None else right
    for index, row in enumerate([header, *rows]):
        cells = [
            str(cell).rjust(width) if column in right else str(cell).ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip(), file=out)
        if index == 0:
            print("  ".join("-" * width for width in widths), file=out)


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-09-13") from None
