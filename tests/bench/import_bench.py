"""Import speed: 10k- and 100k-row sales logs (CSV as Excel in Russian writes it) into a fresh
base, the peak memory of the larger one, and a re-import of it (which must write nothing)."""

from __future__ import annotations

import datetime as dt
import gc
import random
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from services.importing import apply_import, plan_import, read_file
from services.storage import Database
from services.tables import Column, Kind, Table
from services.xlsx_writer import write_xlsx as write_xlsx_tables
from tests.bench.run import Figure

ROWS = 10_000
BIG_ROWS = 100_000
GOAL_ROWS_PER_S = 5_000
HEADER = "Дата;Клиент;Телефон;Товар;Кол-во;Цена;Закупка;№ заказа\r\n"
_NAMES = ("Игорь", "Анна", "Ольга", "Павел", "Сергей", "Елена", "ИП Гусев", "Максим")
_PRODUCTS = ("Кошелёк Classic", "Картхолдер Mini", "Портмоне Travel", "Ремень Slim")


def write_log(path: Path, rows: int = ROWS, seed: int = 5) -> Path:
    """A year of a busy seller: 1,500 customers, orders of 1–3 lines, numbers as typed."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    lines, order = [HEADER], 0
    while len(lines) <= rows:
        order += 1
        customer = rng.randrange(1500)
        day = start + dt.timedelta(days=rng.randrange(365))
        phone = f"8 916 {customer // 10000:03d}-{customer // 100 % 100:02d}-{customer % 100:02d}"
        for _ in range(rng.randint(1, 3)):
            price = rng.choice((990, 1250, 1490, 2450)) + rng.choice((0, 0.5))
            typed = f"{price:,.2f}".replace(",", " ").replace(".", ",")  # 1 250,50
            lines.append(
                f"{day:%d.%m.%Y};{_NAMES[customer % len(_NAMES)]} {customer};{phone};"
                f"{rng.choice(_PRODUCTS)};{rng.randint(1, 20)};{typed};{int(price * 0.55)};"
                f"{order}\r\n"
            )
    path.write_bytes("".join(lines[: rows + 1]).encode("utf-8-sig"))
    return path


def import_once(log: Path, folder: Path) -> None:
    target = folder / f"import-{time.perf_counter_ns()}.sqlite3"
    database = Database.open(target)
    try:
        apply_import(database, plan_import(database, read_file(log)))
    finally:
        database.close()
        target.unlink()


def reimport(database: Database, log: Path) -> None:
    """The same log again: everything is unchanged, so nothing may be written."""
    plan = plan_import(database, read_file(log))
    result = apply_import(database, plan)
    if result.orders or result.updated or result.unchanged != plan.order_count:
        raise AssertionError(f"a re-import of the same log wrote something: {result}")


def child_run(rows: int) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one import of a `rows`-row log, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.import_bench", str(rows)],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds, rss = done.stdout.split()[-2:]
    return float(seconds), float(rss)


def write_xlsx(log: Path, target: Path) -> Path:
    """The CSV log as a workbook the way spreadsheet programs write one (dates, numbers and
    money as cells, a <dimension>), by Lavka's own XLSX writer."""
    lines = log.read_text(encoding="utf-8-sig").splitlines()
    kinds = (Kind.DATE, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.MONEY, Kind.MONEY)
    columns = tuple(
        Column(h, k) for h, k in zip(lines[0].split(";"), (*kinds, Kind.INTEGER), strict=True)
    )

    def rows():
        for line in lines[1:]:
            day, name, phone, product, quantity, price, cost, number = line.split(";")
            yield (
                dt.datetime.strptime(day, "%d.%m.%Y").date(),
                name,
                phone,
                product,
                int(quantity),
                Decimal(price.replace(" ", "").replace(",", ".")),
                Decimal(cost),
                int(number),
            )

    write_xlsx_tables(target, [Table("Продажи", columns, rows, len(lines) - 1)])
    return target


def read_all(path: Path) -> int:
    return sum(1 for sheet in read_file(path) for _row in sheet.rows())


def read_calamine(path: Path) -> int:
    """The same workbook through python-calamine, bare: none of our checks or conversions
    (openpyxl alone took 16.7 s here)."""
    from python_calamine import CalamineWorkbook

    return sum(
        1 for _row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).iter_rows()
    )


def figures(tmp: Path) -> list[Figure]:
    # The bench process holds every earlier figure's objects, which the window never does:
    # kept out of the collector's sight, so that an import pays for its own objects only.
    gc.freeze()
    small = write_log(tmp / "sales-log.csv")
    big = write_log(tmp / "sales-log-100k.csv", BIG_ROWS)
    workbook = write_xlsx(big, tmp / "sales-log-100k.xlsx")
    seconds, rss = child_run(BIG_ROWS)
    held = Database.open(tmp / "held.sqlite3")
    apply_import(held, plan_import(held, read_file(big)))
    rss_said = f"peak RSS {rss:.0f} MB in a child process, goal ≤ 300 MB" + (
        "" if rss <= 300 else " — OVER"
    )
    return [
        Figure(
            "import: 10k-row sales log",
            lambda: import_once(small, tmp),
            goal_ms=10_000,
            note="a new database created, read, planned, one transaction",
            runs=3,
        ),
        Figure(
            "import: 100k-row sales log",
            lambda: import_once(big, tmp),
            goal_ms=BIG_ROWS / GOAL_ROWS_PER_S * 1000,
            note=f"{BIG_ROWS / seconds:,.0f} rows/s in the child; {rss_said}",
            runs=1,
        ),
        Figure(
            "read: 100k-row XLSX",
            lambda: read_all(workbook),
            goal_ratio=4,
            raw=lambda: read_calamine(workbook),
            raw_label="calamine, bare",
            note="header by openpyxl, sheet checked, cells made Decimal/int/date: rows by calamine",
            runs=3,
        ),
        Figure(
            "import: 100k-row XLSX log",
            lambda: import_once(workbook, tmp),
            goal_ms=BIG_ROWS / GOAL_ROWS_PER_S * 1000,
            runs=1,
        ),
        Figure(
            "re-import: the same 100k log",
            lambda: reimport(held, big),
            goal_ratio=round(1 / 3, 2),
            raw=lambda: import_once(big, tmp),
            raw_label="first import",
            note="nothing written",
            runs=1,
        ),
    ]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with tempfile.TemporaryDirectory() as folder:
        log = write_log(Path(folder) / "sales-log.csv", rows)
        started = time.perf_counter()
        import_once(log, Path(folder))
        seconds = time.perf_counter() - started
    print(f"import of {rows:,} rows: {rows / seconds:,.0f} rows/s, seconds and peak MB:")
    print(f"{seconds:.3f} {peak_mb():.1f}")


def peak_mb() -> float:
    """This process's own peak resident memory (VmHWM). Not getrusage: on Linux a child's
    ru_maxrss starts from its parent's at fork and survives the exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
