"""XLSX export speed: our streaming writer against naive openpyxl write-only, same 100k rows."""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from services.exchange import SHIPMENTS
from services.tables import Table
from services.xlsx_writer import write_xlsx
from tests.bench.run import Figure

ROWS = 100_000
GOAL_RATIO = round(1 / 1.5, 3)  # ENGINEERING.md: XLSX export ≥ 1.5× naive openpyxl

SHIPMENT_COLUMNS = SHIPMENTS  # the exchange format's Shipments sheet, as Export all writes it

_PRODUCTS = [
    f"{kind} «{name}» {size}"
    for kind in ("Чай", "Кофе", "Мёд", "Варенье")
    for name in ("Эрл Грей", "Сенча", "Гречишный", "Малина", "Арабика")
    for size in ("100 г", "250 г", "1 кг")
]
_START = dt.date(2023, 1, 1)


def shipment_rows(count: int = ROWS) -> Iterator[tuple]:
    """Shipment-like rows as the Shipments sheet has them; deterministic, made on the fly
    so the benchmark's memory stays small, and cheap next to either writer."""
    for n in range(1, count + 1):
        quantity = n % 7 + 1
        price = Decimal(f"{150 + n * 37 % 4850}.{n * 13 % 100:02d}")
        cost = (price * Decimal("0.62")).quantize(Decimal("0.01"))
        amount, total_cost = price * quantity, cost * quantity
        profit = amount - total_cost if n % 50 else total_cost - amount  # some sold at a loss
        yield (
            n,
            (n + 2) // 3,
            _START + dt.timedelta(days=n * 1096 // count),
            _PRODUCTS[n % len(_PRODUCTS)],
            quantity,
            price,
            cost,
            amount,
            total_cost,
            profit,
            (profit / amount).quantize(Decimal("0.0001")),
            n % 40 == 0,
        )


def ours(path: Path, count: int = ROWS) -> int:
    table = Table("Shipments", SHIPMENT_COLUMNS, lambda: shipment_rows(count), count)
    return write_xlsx(path, [table])


def naive(path: Path, count: int = ROWS) -> int:
    """What one would write first: openpyxl's write-only mode, one append per row."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Shipments")
    sheet.append([c.header for c in SHIPMENT_COLUMNS])
    for row in shipment_rows(count):
        sheet.append(row)
    workbook.save(path)
    return count


def figures(tmp: Path) -> list[Figure]:
    return [
        Figure(
            "export: XLSX 100k shipments",
            lambda: ours(tmp / "ours.xlsx"),
            goal_ratio=GOAL_RATIO,
            raw=lambda: naive(tmp / "naive.xlsx"),
            raw_label="naive openpyxl",
            note="baseline: naive openpyxl write_only append",
            runs=3,  # the baseline takes half a minute a run
        )
    ]


def _seconds(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ours(tmp / "warm-up.xlsx", 1000)
        naive(tmp / "warm-up.xlsx", 1000)
        our_s = _seconds(lambda: ours(tmp / "ours.xlsx"), runs)
        naive_s = _seconds(lambda: naive(tmp / "naive.xlsx"), runs)
        sizes = [(tmp / name).stat().st_size / 2**20 for name in ("ours.xlsx", "naive.xlsx")]
    print(f"XLSX export of {ROWS:,} shipment rows, 12 columns; median of {runs} runs")
    print(f"  ours (streaming SpreadsheetML): {our_s:7.2f} s {ROWS / our_s:>9,.0f} rows/s")
    print(f"  naive openpyxl write_only:      {naive_s:7.2f} s {ROWS / naive_s:>9,.0f} rows/s")
    ok = "ok" if our_s <= GOAL_RATIO * naive_s else "OVER"
    print(f"  ratio {our_s / naive_s:.3f} (goal ≤ {GOAL_RATIO}): {ok}")
    print(f"  file sizes: ours {sizes[0]:.1f} MB, naive {sizes[1]:.1f} MB")


if __name__ == "__main__":
    main()
