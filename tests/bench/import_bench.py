"""Import speed: a 10k-row sales log (CSV as Excel in Russian writes it) into a fresh base."""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from services.importing import apply_import, plan_import, read_file
from services.storage import Database
from tests.bench.run import Figure

ROWS = 10_000
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


def figures(tmp: Path) -> list[Figure]:
    log = write_log(tmp / "sales-log.csv")
    return [
        Figure(
            "import: 10k-row sales log",
            lambda: import_once(log, tmp),
            goal_ms=10_000,
            note="read + plan + one transaction; see rows/s with -m tests.bench.import_bench",
            runs=3,
        )
    ]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        log = write_log(Path(folder) / "sales-log.csv")
        import_once(log, Path(folder))  # warm-up
        started = time.perf_counter()
        import_once(log, Path(folder))
        seconds = time.perf_counter() - started
    print(f"import of {ROWS:,} rows: {seconds:.2f} s, {ROWS / seconds:,.0f} rows/s")


if __name__ == "__main__":
    sys.exit(main())
