"""The command line: subcommands that print results as text and exit non-zero on failure."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from services.errors import LavkaError, StorageError, ValidationError
from services.figures import Period, period_figures, product_figures, top_customers
from services.figures_math import Figures
from services.maintenance import check_database
from services.phones import format_phone
from services.storage import Database
from ui import cli_today
from ui.cli_common import iso_date, money, percent, positive, table
from ui.messages import error_text

if TYPE_CHECKING:
    from services.backup import BackupInfo
    from services.importing import ImportPlan


def add_commands(parser: argparse.ArgumentParser) -> None:
    """Subcommands; each also takes `--db` after its name (`lavka demo --db FILE`)."""
    # SUPPRESS keeps a --db given before the command when none is given after it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "demo", parents=[common], help="fill a new database with Ivan's demo wallet business"
    )
    commands.add_parser(
        "check", parents=[common], help="check the database file (integrity, links, totals)"
    )
    figures = commands.add_parser(
        "figures", parents=[common], help="period summary, top customers and products"
    )
    figures.add_argument("--from", dest="date_from", type=iso_date, help="YYYY-MM-DD")
    figures.add_argument("--to", dest="date_to", type=iso_date, help="YYYY-MM-DD")
    figures.add_argument("--top", type=positive, default=10, help="rows in the top lists")
    backup = commands.add_parser(
        "backup", parents=[common], help="write a verified copy of the database into a folder"
    )
    backup.add_argument(
        "--to", dest="folder", type=Path, required=True, help="folder to write the backup into"
    )
    backup.add_argument(
        "--keep", type=positive, default=10, help="backups to keep in that folder (10)"
    )
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="replace the database with a backup (the current one is saved aside first)",
    )
    restore.add_argument("file", type=Path, help="the backup file")
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write the whole database in the exchange format (XLSX workbook or CSV files)",
    )
    export.add_argument("--format", dest="file_format", choices=("xlsx", "csv"), required=True)
    export.add_argument(
        "--dialect",
        choices=("excel-ru", "standard"),
        default="excel-ru",
        help="CSV only: excel-ru (; and decimal comma, the default) or standard (, and .)",
    )
    export.add_argument(
        "--out", type=Path, required=True, help="the .xlsx file, or the folder for the CSV files"
    )
    report = commands.add_parser(
        "report", parents=[common], help="the period report: key figures, top lists, charts"
    )
    report.add_argument("--from", dest="date_from", type=iso_date, help="YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", type=iso_date, help="YYYY-MM-DD")
    report.add_argument("--format", dest="file_format", choices=("text", "xlsx", "pdf"))
    report.add_argument("--out", type=Path, help="the .xlsx or .pdf file to write")
    imports = commands.add_parser(
        "import",
        parents=[common],
        help="import a sales log or an exchange-format export (XLSX or CSV), all or nothing",
    )
    imports.add_argument("file", type=Path, help="the .xlsx or .csv file")
    imports.add_argument(
        "--dry-run", action="store_true", help="say what would be imported; write nothing"
    )
    imports.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the good rows; the rejected ones go to <file>.rejected.csv beside it",
    )
    imports.add_argument(
        "--prefer-file",
        action="store_true",
        help="for orders changed both in Lavka and in the file since the last import, take "
        "the file's version (by default Lavka's is kept)",
    )
    cli_today.add_commands(commands, common)


def run(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one subcommand; a LavkaError becomes a one-line message and exit status 1."""
    handlers = {
        "demo": _demo,
        "check": _check,
        "figures": _figures,
        "backup": _backup,
        "restore": _restore,
        "export": _export,
        "import": _import,
        "report": _report,
        **cli_today.HANDLERS,
    }
    try:
        return handlers[args.command](args, out)
    except LavkaError as error:
        print(f"lavka {args.command}: {_in_words(error)}", file=err)
        return 1


def _in_words(error: LavkaError) -> str:
    """The error in the interface language where it has a code (Qt's catalogue is loaded
    only for that)."""
    if error.code is None and not any(p.code for p in getattr(error, "problems", ())):
        return str(error)
    from ui.translation import catalogue_translate

    return error_text(error, catalogue_translate())


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    from services.demo import create_demo_business

    database = Database.open(args.db)
    try:
        summary = create_demo_business(database)
    finally:
        database.close()
    print(
        f"Demo business written to {args.db}: {summary.contacts} contacts, "
        f"{summary.products} products, {summary.orders} orders, {summary.shipments} shipments.",
        file=out,
    )
    return 0


def _check(args: argparse.Namespace, out: TextIO) -> int:
    result = check_database(args.db)
    counts = ", ".join(f"{n} {table}" for table, n in result.counts.items())
    if result.ok:
        print(f"{result.path}: OK ({counts})", file=out)
        return 0
    print(f"{result.path}: {len(result.problems)} problem(s)", file=out)
    for problem in result.problems:
        print(f"  - {problem}", file=out)
    return 1


def _backup(args: argparse.Namespace, out: TextIO) -> int:
    from services.backup import backup_to

    info = backup_to(args.db, args.folder, keep=args.keep)
    print(f"Backup written: {info.path}", file=out)
    print(f"  {_describe(info)}, verified", file=out)
    return 0


def _restore(args: argparse.Namespace, out: TextIO) -> int:
    from services.restore import restore_backup, safety_folder
    from ui.lock import acquire

    lock = acquire(Path(args.db))  # never under a running Lavka's feet
    try:
        result = restore_backup(args.file, args.db, safety_folder(args.db))
    finally:
        lock.unlock()
    print(f"Restored {args.db} from {result.restored.path}", file=out)
    print(f"  {_describe(result.restored)}", file=out)
    if result.saved_current is not None:
        print(f"The database as it was is saved at {result.saved_current.path}", file=out)
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from services.exchange import export_all
    from services.settings_store import load_business_settings

    if not Path(args.db).is_file():
        raise StorageError(f"There is no database at '{args.db}'.")
    database = Database.open(args.db)
    try:
        symbol = load_business_settings(database).currency_symbol
        files = export_all(
            database, args.out, args.file_format, dt.date.today(), args.dialect, symbol
        )
    finally:
        database.close()
    for path in files:
        print(f"Written: {path}", file=out)
    return 0


def _report(args: argparse.Namespace, out: TextIO) -> int:
    from services.report import KEY_FIGURES, period_report
    from services.report_charts import render_charts
    from services.report_export import write_report_pdf, write_report_xlsx

    file_format = args.file_format or "text"
    if file_format != "text" and args.out is None:
        raise ValidationError.single("out", f"--format {file_format} needs --out FILE.")
    if not Path(args.db).is_file():
        raise StorageError(f"There is no database at '{args.db}'.")
    today = dt.date.today()
    period = Period(args.date_from or today.replace(day=1), args.date_to or today)
    database = Database.open(args.db)
    try:
        report = period_report(database, period, today)
    finally:
        database.close()
    if file_format == "xlsx":
        write_report_xlsx(report, args.out)
    elif file_format == "pdf":
        write_report_pdf(report, args.out, charts=render_charts(report))
    if file_format != "text":
        print(f"Written: {args.out}", file=out)
        return 0
    before = report.previous_period
    against = f", against {before.start} – {before.end}" if before is not None else ""
    print(f"Period {period.start} – {period.end}{against}", file=out)
    rows = []
    for name in KEY_FIGURES:
        value, before, change = (
            report.value(name),
            report.previous_value(name),
            report.change(name),
        )
        shown = [percent(v) if name == "margin" else _figure(v) for v in (value, before)]
        rows.append((name.replace("_", " ").capitalize(), *shown, percent(change)))
    table(out, ("Figure", "This period", "Previous", "Change"), rows)
    print("\nTop customers by revenue", file=out)
    table(
        out,
        ("Customer", "Phone", "Orders", "Revenue", "Profit", "Margin"),
        [
            (c.name, format_phone(c.phone), str(c.orders), *_money_columns(c.figures))
            for c in report.top_by_revenue
        ],
    )
    return 0


def _figure(value) -> str:
    return money(value) if isinstance(value, Decimal) else ("—" if value is None else str(value))


def _import(args: argparse.Namespace, out: TextIO) -> int:
    """Plan, say what would change (new, updated, unchanged orders, every update and
    conflict), then import under the window's lock. A missing database is created first."""
    from services.importing import plan_import, read_file, run_import

    path = Path(args.db)
    if not path.parent.is_dir():
        raise StorageError(f"Folder '{path.parent}' does not exist.")
    sheets = read_file(args.file)  # a file that cannot be read creates no database
    if not path.is_file() and args.dry_run:
        print(f"There is no database at '{path}' yet: the import would create it.", file=out)
        with tempfile.TemporaryDirectory() as folder:
            empty = Database.open(Path(folder) / "new.sqlite3")
            try:
                plan = plan_import(empty, sheets)
            finally:
                empty.close()
        return _say_plan(args, plan, out)
    from ui.lock import acquire

    lock = acquire(path)  # refused while a Lavka window has this database open
    try:
        created = not path.is_file()
        database = Database.open(path)
        try:
            if created:
                print(f"Created a new database at '{path}'.", file=out)
            plan = plan_import(database, sheets)
            status = _say_plan(args, plan, out)
            if status or args.dry_run or not plan.has_work:
                return status
            outcome = run_import(
                database,
                args.file,
                plan,
                skip_rejected=args.skip_bad_rows,
                prefer_file=args.prefer_file,
            )
        finally:
            database.close()
    finally:
        lock.unlock()
    result = outcome.result
    print(
        f"Imported {result.orders} new orders and updated {result.updated}, with "
        f"{result.lines} lines; {result.contacts_created} new contacts, "
        f"{result.products_created} new products.",
        file=out,
    )
    if result.unchanged:
        print(f"{result.unchanged} orders were already there, unchanged.", file=out)
    if result.conflicts_kept:
        kept = result.conflicts_kept
        print(f"{kept} orders changed on both sides kept Lavka's version.", file=out)
    if outcome.backup is not None:
        print(f"The database as it was is saved at {outcome.backup.path}", file=out)
    for path in outcome.rejected_files:
        print(f"Skipped rows written to {path}", file=out)
    if outcome.rejected_error is not None:
        print(f"The skipped rows could not be written: {outcome.rejected_error}", file=out)
    return 0


def _say_plan(args: argparse.Namespace, plan: ImportPlan, out: TextIO) -> int:
    """What the import would do; 1 when rejected rows stop it."""
    verb = "Would import" if args.dry_run else "Importing"
    print(
        f"{verb} from {args.file}: {plan.contacts_new} new contacts "
        f"({plan.contacts_existing} already known), {plan.products_new} new products; "
        f"orders: {plan.count('new')} new, {plan.count('updated')} updated, "
        f"{plan.count('unchanged')} unchanged; {plan.line_count} lines to write.",
        file=out,
    )
    names = {c.key: c.name for c in plan.contacts}
    for order in plan.in_state("updated", "conflict"):
        what = (
            "changed in Lavka too: Lavka's version is kept (--prefer-file takes the file's)"
            if order.state == "conflict"
            else "updated"
        )
        print(
            f"  Order {order.existing_id} ({names.get(order.contact_key, '')}): "
            f"{money(order.old_amount)} → {money(order.amount)}, {what}",
            file=out,
        )
    if deleted := plan.count("deleted"):
        print(
            f"{deleted} orders deleted in Lavka after an earlier import are not imported again.",
            file=out,
        )
    if plan.kind == "sales_log" and "cost" not in plan.fields.values():
        print(
            "Warning: no cost column; new products and lines get a cost of 0, so their "
            "profit equals their revenue.",
            file=out,
        )
    if plan.rejections:
        print(f"{len(plan.rejected_rows)} rejected row(s):", file=out)
        for rejection in plan.rejections:
            print(f"  - {rejection}", file=out)
    if plan.rejections and not args.skip_bad_rows:
        nothing = "Nothing would be imported" if args.dry_run else "Nothing was imported"
        print(f"{nothing} (--skip-bad-rows imports the other rows).", file=out)
        return 1
    if not plan.has_work:
        print("Nothing new: every order of the file is already in the database.", file=out)
    return 0


def _describe(info: BackupInfo) -> str:
    """`taken 2026-06-17 12:00:00, 1.2 MB, 60 contacts, 1018 orders, ...`"""
    counts = ", ".join(f"{n} {table}" for table, n in (info.counts or {}).items())
    size = f"{info.size / 1e6:.1f} MB" if info.size >= 1e6 else f"{info.size / 1e3:.0f} kB"
    return f"taken {info.taken_at:%Y-%m-%d %H:%M:%S}, {size}, {counts}"


def _figures(args: argparse.Namespace, out: TextIO) -> int:
    if not Path(args.db).is_file():
        raise StorageError(f"There is no database at '{args.db}'.")
    today = dt.date.today()
    period = Period(args.date_from or today.replace(month=1, day=1), args.date_to)
    if period.end is not None and period.end < period.start:
        raise ValidationError.single("to", f"--to {period.end} is before --from {period.start}.")
    database = Database.open(args.db)
    try:
        summary = period_figures(database, period, today)
        customers = top_customers(database, period, "revenue", args.top, today)
        products = product_figures(database, period, today)
    finally:
        database.close()
    end = period.end.isoformat() if period.end else "…"
    print(f"Period {period.start.isoformat()} – {end} (today {today.isoformat()})", file=out)
    print("Cancelled orders excluded; planned = shipments dated after today.\n", file=out)
    rows = [
        ("Revenue", money(summary.realized.amount)),
        ("Cost", money(summary.realized.cost)),
        ("Profit", money(summary.realized.profit)),
        ("Margin", percent(summary.realized.margin)),
        ("Markup", percent(summary.realized.markup)),
        ("Orders", str(summary.orders)),
        ("Lines / units", f"{summary.lines} / {summary.units}"),
        ("Average check", money(summary.average_check)),
        ("New / returning customers", f"{summary.new_customers} / {summary.returning_customers}"),
        ("Planned revenue", money(summary.planned.amount)),
        ("Planned profit", money(summary.planned.profit)),
    ]
    table(out, ("Figure", "Value"), rows)
    print("\nTop customers by revenue", file=out)
    table(
        out,
        ("Customer", "Phone", "Orders", "Revenue", "Profit", "Margin"),
        [
            (c.name, format_phone(c.phone), str(c.orders), *_money_columns(c.figures))
            for c in customers
        ],
    )
    print("\nProducts by profit", file=out)
    table(
        out,
        ("Product", "Units", "Revenue", "Profit", "Margin"),
        [(p.name, str(p.units), *_money_columns(p.figures)) for p in products],
    )
    return 0


def _money_columns(figures: Figures) -> tuple[str, str, str]:
    return money(figures.amount), money(figures.profit), percent(figures.margin)
