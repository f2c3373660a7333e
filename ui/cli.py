"""The command line: subcommands that print results as text and exit non-zero on failure.

Everything it says is in the interface language (Russian when the locale or the
preferences/language setting says so): its texts here, the services' messages through their
codes (ui/messages.py), the report's texts through services/report_export.TEXTS, figures
through the window's Formatter.
"""

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
from services.storage import Database
from services.targets import database_target
from ui import cli_documents, cli_forecast, cli_migrate, cli_payments, cli_stock, cli_today
from ui.cli_common import Parser, Words, error_words, iso_date, positive, table
from ui.messages import QT_TRANSLATE_NOOP, problem_text

if TYPE_CHECKING:
    from services.backup import BackupInfo
    from services.importing import ImportPlan

CONTEXT = "Cli"
TEXTS = {
    "failed": QT_TRANSLATE_NOOP("Cli", "lavka %1: %2"),
    "demo": QT_TRANSLATE_NOOP(
        "Cli",
        "Demo business written to %1: %2 contacts, %3 products, %4 orders, %5 shipments.",
    ),
    "check_ok": QT_TRANSLATE_NOOP("Cli", "%1: OK (%2)"),
    "check_problems": QT_TRANSLATE_NOOP("Cli", "%1: problems found: %2"),
    "count": QT_TRANSLATE_NOOP("Cli", "%1: %2"),
    "contacts": QT_TRANSLATE_NOOP("Cli", "contacts"),
    "products": QT_TRANSLATE_NOOP("Cli", "products"),
    "orders": QT_TRANSLATE_NOOP("Cli", "orders"),
    "shipments": QT_TRANSLATE_NOOP("Cli", "shipments"),
    "tasks": QT_TRANSLATE_NOOP("Cli", "tasks"),
    "backup_written": QT_TRANSLATE_NOOP("Cli", "Backup written: %1"),
    "verified": QT_TRANSLATE_NOOP("Cli", "%1, verified"),
    "taken": QT_TRANSLATE_NOOP("Cli", "taken %1, %2, %3"),
    "megabytes": QT_TRANSLATE_NOOP("Cli", "%1 MB"),
    "kilobytes": QT_TRANSLATE_NOOP("Cli", "%1 kB"),
    "restored": QT_TRANSLATE_NOOP("Cli", "Restored %1 from %2"),
    "saved_aside": QT_TRANSLATE_NOOP("Cli", "The database as it was is saved at %1"),
    "written": QT_TRANSLATE_NOOP("Cli", "Written: %1"),
    "period": QT_TRANSLATE_NOOP("Cli", "Period %1 – %2"),
    "period_against": QT_TRANSLATE_NOOP("Cli", "Period %1 – %2, against %3 – %4"),
    "period_today": QT_TRANSLATE_NOOP("Cli", "Period %1 – %2 (today %3)"),
    "rules": QT_TRANSLATE_NOOP(
        "Cli", "Cancelled orders excluded; planned = shipments dated after today."
    ),
    "value": QT_TRANSLATE_NOOP("Cli", "Value"),
    "markup": QT_TRANSLATE_NOOP("Cli", "Markup"),
    "lines_units": QT_TRANSLATE_NOOP("Cli", "Lines / units"),
    "new_returning": QT_TRANSLATE_NOOP("Cli", "New / returning customers"),
    "products_by_profit": QT_TRANSLATE_NOOP("Cli", "Products by profit"),
    "no_database_yet": QT_TRANSLATE_NOOP(
        "Cli", "There is no database at '%1' yet: the import would create it."
    ),
    "created": QT_TRANSLATE_NOOP("Cli", "Created a new database at '%1'."),
    "imported": QT_TRANSLATE_NOOP(
        "Cli",
        "Imported %1 new orders and updated %2, with %3 lines; %4 new contacts, %5 new products.",
    ),
    "already_there": QT_TRANSLATE_NOOP("Cli", "Orders already there, unchanged: %1."),
    "stock_imported": QT_TRANSLATE_NOOP(
        "Cli", "Imported %1 purchases with %2 lines, %3 expenses, %4 stock adjustments."
    ),
    "stock_plan": QT_TRANSLATE_NOOP(
        "Cli",
        "Purchases: %1 new; expenses: %2 new; stock adjustments: %3 new; %4 already in the "
        "database.",
    ),
    "conflicts_kept": QT_TRANSLATE_NOOP(
        "Cli", "Orders changed on both sides that kept Lavka's version: %1."
    ),
    "skipped_written": QT_TRANSLATE_NOOP("Cli", "Skipped rows written to %1"),
    "would_import": QT_TRANSLATE_NOOP(
        "Cli",
        "Would import from %1: %2 new contacts (%3 already known), %4 new products; "
        "orders: %5 new, %6 updated, %7 unchanged; %8 lines to write.",
    ),
    "importing": QT_TRANSLATE_NOOP(
        "Cli",
        "Importing from %1: %2 new contacts (%3 already known), %4 new products; "
        "orders: %5 new, %6 updated, %7 unchanged; %8 lines to write.",
    ),
    "order_updated": QT_TRANSLATE_NOOP("Cli", "  Order %1 (%2): %3 → %4, updated"),
    "order_conflict": QT_TRANSLATE_NOOP(
        "Cli",
        "  Order %1 (%2): %3 → %4, changed in Lavka too: Lavka's version is kept "
        "(--prefer-file takes the file's)",
    ),
    "deleted_not_again": QT_TRANSLATE_NOOP(
        "Cli", "Orders deleted in Lavka after an earlier import, not imported again: %1."
    ),
    "no_cost": QT_TRANSLATE_NOOP(
        "Cli",
        "Warning: no cost column; new products and lines get a cost of 0, so their "
        "profit equals their revenue.",
    ),
    "rejected_rows": QT_TRANSLATE_NOOP("Cli", "Rejected rows: %1"),
    "nothing_would": QT_TRANSLATE_NOOP(
        "Cli", "Nothing would be imported (--skip-bad-rows imports the other rows)."
    ),
    "nothing_was": QT_TRANSLATE_NOOP(
        "Cli", "Nothing was imported (--skip-bad-rows imports the other rows)."
    ),
    "nothing_new": QT_TRANSLATE_NOOP(
        "Cli", "Nothing new: every order of the file is already in the database."
    ),
}


def add_commands(parser: argparse.ArgumentParser) -> None:
    """Subcommands; each also takes `--db` after its name (`lavka demo --db FILE`)."""
    # SUPPRESS keeps a --db given before the command when none is given after it.
    common = Parser(add_help=False)
    common.add_argument(
        "--db",
        type=database_target,
        default=argparse.SUPPRESS,
        help=QT_TRANSLATE_NOOP("Cli", "database file, or a server's postgresql://user@host/db"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "demo",
        parents=[common],
        help=QT_TRANSLATE_NOOP("Cli", "fill a new database with Ivan's demo wallet business"),
    )
    commands.add_parser(
        "check",
        parents=[common],
        help=QT_TRANSLATE_NOOP("Cli", "check the database file (integrity, links, totals)"),
    )
    figures = commands.add_parser(
        "figures",
        parents=[common],
        help=QT_TRANSLATE_NOOP("Cli", "period summary, top customers and products"),
    )
    figures.add_argument("--from", dest="date_from", type=iso_date, help="YYYY-MM-DD")
    figures.add_argument("--to", dest="date_to", type=iso_date, help="YYYY-MM-DD")
    figures.add_argument(
        "--top", type=positive, default=10, help=QT_TRANSLATE_NOOP("Cli", "rows in the top lists")
    )
    backup = commands.add_parser(
        "backup",
        parents=[common],
        help=QT_TRANSLATE_NOOP("Cli", "write a verified copy of the database into a folder"),
    )
    backup.add_argument(
        "--to",
        dest="folder",
        type=Path,
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "folder to write the backup into"),
    )
    backup.add_argument(
        "--keep",
        type=positive,
        default=10,
        help=QT_TRANSLATE_NOOP("Cli", "backups to keep in that folder (10)"),
    )
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "Cli", "replace the database with a backup (the current one is saved aside first)"
        ),
    )
    restore.add_argument("file", type=Path, help=QT_TRANSLATE_NOOP("Cli", "the backup file"))
    export = commands.add_parser(
        "export",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "Cli", "write the whole database in the exchange format (XLSX workbook or CSV files)"
        ),
    )
    export.add_argument("--format", dest="file_format", choices=("xlsx", "csv"), required=True)
    export.add_argument(
        "--dialect",
        choices=("excel-ru", "standard"),
        default="excel-ru",
        help=QT_TRANSLATE_NOOP(
            "Cli", "CSV only: excel-ru (; and decimal comma, the default) or standard (, and .)"
        ),
    )
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "the .xlsx file, or the folder for the CSV files"),
    )
    report = commands.add_parser(
        "report",
        parents=[common],
        help=QT_TRANSLATE_NOOP("Cli", "the period report: key figures, top lists, charts"),
    )
    report.add_argument("--from", dest="date_from", type=iso_date, help="YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", type=iso_date, help="YYYY-MM-DD")
    report.add_argument("--format", dest="file_format", choices=("text", "xlsx", "pdf"))
    report.add_argument(
        "--out", type=Path, help=QT_TRANSLATE_NOOP("Cli", "the .xlsx or .pdf file to write")
    )
    imports = commands.add_parser(
        "import",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "import a sales log or an exchange-format export (XLSX or CSV), all or nothing",
        ),
    )
    imports.add_argument("file", type=Path, help=QT_TRANSLATE_NOOP("Cli", "the .xlsx or .csv file"))
    imports.add_argument(
        "--dry-run",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "say what would be imported; write nothing"),
    )
    imports.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "import the good rows; the rejected ones go to <file>.rejected.csv beside it"
        ),
    )
    imports.add_argument(
        "--prefer-file",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "for orders changed both in Lavka and in the file since the last import, take "
            "the file's version (by default Lavka's is kept)",
        ),
    )
    cli_today.add_commands(commands, common)
    cli_payments.add_commands(commands, common)
    cli_forecast.add_commands(commands, common)
    cli_documents.add_commands(commands, common)
    cli_stock.add_commands(commands, common)
    cli_migrate.add_commands(commands, common)


def run(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one subcommand; a LavkaError becomes a message in the interface language and exit
    status 1."""
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
        **cli_payments.HANDLERS,
        **cli_forecast.HANDLERS,
        **cli_documents.HANDLERS,
        **cli_stock.HANDLERS,
        **cli_migrate.HANDLERS,
    }
    try:
        return handlers[args.command](args, out)
    except LavkaError as error:
        print(_words()("failed", args.command, error_words(error)), file=err)
        return 1


def _words(symbol: str = "₽") -> Words:
    return Words(TEXTS, CONTEXT, symbol)


def _symbol(database: Database) -> str:
    from services.settings_store import load_business_settings

    return load_business_settings(database).currency_symbol


def _language() -> str:
    from ui.translation import interface_language

    return interface_language()


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    from services.demo import create_demo_business

    database = Database.open(args.db, language=_language())
    try:
        summary = create_demo_business(database)
    finally:
        database.close()
    words = _words()
    print(
        words(
            "demo", args.db, summary.contacts, summary.products, summary.orders, summary.shipments
        ),
        file=out,
    )
    return 0


def _counts(words: Words, counts: dict[str, int]) -> str:
    return ", ".join(
        words("count", words(table) if table in TEXTS else table, words.fmt.integer(n))
        for table, n in counts.items()
    )


def _file_only(args: argparse.Namespace) -> Path:
    """The database file a file's command (check, backup, restore) works on; a server's
    database is refused: its server checks, backs up and restores it."""
    if not isinstance(args.db, Path):
        raise StorageError.of("storage.server_not_file", args.command, args.db)
    return args.db


def _check(args: argparse.Namespace, out: TextIO) -> int:
    result = check_database(_file_only(args))
    words = _words()
    if result.ok:
        print(words("check_ok", result.path, _counts(words, result.counts)), file=out)
        return 0
    print(words("check_problems", result.path, len(result.problems)), file=out)
    for problem in result.problems:
        print(f"  - {problem_text(problem, words.translate)}", file=out)
    return 1


def _backup(args: argparse.Namespace, out: TextIO) -> int:
    from services.backup import backup_to

    info = backup_to(_file_only(args), args.folder, keep=args.keep)
    words = _words()
    print(words("backup_written", info.path), file=out)
    print("  " + words("verified", _describe(words, info)), file=out)
    return 0


def _restore(args: argparse.Namespace, out: TextIO) -> int:
    from services.restore import restore_backup, safety_folder
    from ui.lock import acquire

    path = _file_only(args)
    lock = acquire(path)  # never under a running Lavka's feet
    try:
        result = restore_backup(args.file, path, safety_folder(path))
    finally:
        lock.unlock()
    words = _words()
    print(words("restored", args.db, result.restored.path), file=out)
    print(f"  {_describe(words, result.restored)}", file=out)
    if result.saved_current is not None:
        print(words("saved_aside", result.saved_current.path), file=out)
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from services.exchange import export_all

    database = Database.open_existing(args.db)
    try:
        files = export_all(
            database, args.out, args.file_format, dt.date.today(), args.dialect, _symbol(database)
        )
    finally:
        database.close()
    words = _words()
    for path in files:
        print(words("written", path), file=out)
    return 0


def _report(args: argparse.Namespace, out: TextIO) -> int:
    from services.report import KEY_FIGURES, period_report
    from services.report_charts import render_charts
    from services.report_export import FIGURE_NAMES, write_report_pdf, write_report_xlsx
    from ui.reports.labels import report_labels

    file_format = args.file_format or "text"
    if file_format != "text" and args.out is None:
        raise ValidationError.of("out", "cli.needs_out", file_format)
    today = dt.date.today()
    period = Period(args.date_from or today.replace(day=1), args.date_to or today)
    database = Database.open_existing(args.db)
    try:
        report = period_report(database, period, today, pipeline=True)
        words = _words(_symbol(database))
    finally:
        database.close()
    labels = report_labels(words.fmt, words.translate)
    fmt = words.fmt
    if file_format == "xlsx":
        write_report_xlsx(report, args.out, fmt.symbol, labels=labels)
    elif file_format == "pdf":
        title = labels.get("Lavka report", "Lavka report")
        charts = render_charts(report, labels)
        write_report_pdf(report, args.out, title, fmt, charts, labels)
    if file_format != "text":
        print(words("written", args.out), file=out)
        return 0
    before = report.previous_period
    days = (fmt.date(period.start), fmt.date(period.end))
    if before is not None:
        print(
            words("period_against", *days, fmt.date(before.start), fmt.date(before.end)), file=out
        )
    else:
        print(words("period", *days), file=out)
    rows = []
    for name in KEY_FIGURES:
        value, before_value, change = (
            report.value(name),
            report.previous_value(name),
            report.change(name),
        )
        shown = [
            fmt.percent(None if v is None else Decimal(v)) if name == "margin" else _figure(fmt, v)
            for v in (value, before_value)
        ]
        rows.append((labels[FIGURE_NAMES[name]], *shown, fmt.percent(change)))
    header = ("Figure", "This period", "Previous period", "Change")
    table(out, [labels[h] for h in header], rows)
    print("\n" + labels["Top customers by revenue"], file=out)
    _customers(out, labels, fmt, report.top_by_revenue)
    return 0


def _customers(out: TextIO, labels: dict[str, str], fmt, customers) -> None:
    header = ("Customer", "Phone", "Orders", "Revenue", "Profit", "Margin")
    table(
        out,
        [labels[h] for h in header],
        [
            (c.name, fmt.phone(c.phone), fmt.integer(c.orders), *_money_columns(fmt, c.figures))
            for c in customers
        ],
    )


def _figure(fmt, value) -> str:
    if isinstance(value, Decimal):
        return fmt.money(value)
    return "—" if value is None else fmt.integer(value)


def _import(args: argparse.Namespace, out: TextIO) -> int:
    """Plan, say what would change (new, updated, unchanged orders, every update and
    conflict), then import under the window's lock. A missing database is created first."""
    from services.importing import plan_import, read_file, run_import

    path = args.db
    words = _words()
    if isinstance(path, Path) and not path.parent.is_dir():
        raise StorageError.of("storage.no_folder", path.parent)
    sheets = read_file(args.file)  # a file that cannot be read creates no database
    if isinstance(path, Path) and not path.is_file() and args.dry_run:
        print(words("no_database_yet", path), file=out)
        with tempfile.TemporaryDirectory() as folder:
            empty = Database.open(Path(folder) / "new.sqlite3", language=_language())
            try:
                plan = plan_import(empty, sheets)
            finally:
                empty.close()
        return _say_plan(args, plan, words, out)
    from ui.lock import held

    with held(path):  # refused while a Lavka window has this database file open
        database = Database.open(path, language=_language())
        try:
            if database.schema.action == "created":
                print(words("created", database.name), file=out)
            plan = plan_import(database, sheets)
            status = _say_plan(args, plan, words, out)
            if status or args.dry_run or not plan.has_work:
                return status
            outcome = run_import(
                database,
                args.file,
                plan,
                skip_rejected=args.skip_bad_rows,
                prefer_file=args.prefer_file,
                translate=words.translate,
            )
        finally:
            database.close()
    result = outcome.result
    print(
        words(
            "imported",
            result.orders,
            result.updated,
            result.lines,
            result.contacts_created,
            result.products_created,
        ),
        file=out,
    )
    if result.purchases or result.expenses or result.adjustments:
        print(
            words(
                "stock_imported",
                result.purchases,
                result.purchase_lines,
                result.expenses,
                result.adjustments,
            ),
            file=out,
        )
    if result.unchanged:
        print(words("already_there", result.unchanged), file=out)
    if result.conflicts_kept:
        print(words("conflicts_kept", result.conflicts_kept), file=out)
    if outcome.backup is not None:
        print(words("saved_aside", outcome.backup.path), file=out)
    for path in outcome.rejected_files:
        print(words("skipped_written", path), file=out)
    if outcome.rejected_error is not None:
        print(error_words(outcome.rejected_error), file=out)
    return 0


def _say_plan(args: argparse.Namespace, plan: ImportPlan, words: Words, out: TextIO) -> int:
    """What the import would do; 1 when rejected rows stop it."""
    print(
        words(
            "would_import" if args.dry_run else "importing",
            args.file,
            plan.contacts_new,
            plan.contacts_existing,
            plan.products_new,
            plan.count("new"),
            plan.count("updated"),
            plan.count("unchanged"),
            plan.line_count,
        ),
        file=out,
    )
    stock = (len(plan.purchases), len(plan.expenses), len(plan.adjustments), plan.stock_known)
    if any(stock):
        print(words("stock_plan", *stock), file=out)
    names = {c.key: c.name for c in plan.contacts}
    fmt = words.fmt
    for order in plan.in_state("updated", "conflict"):
        key = "order_conflict" if order.state == "conflict" else "order_updated"
        name = names.get(order.contact_key, "")
        print(
            words(
                key, order.existing_id, name, fmt.money(order.old_amount), fmt.money(order.amount)
            ),
            file=out,
        )
    if deleted := plan.count("deleted"):
        print(words("deleted_not_again", deleted), file=out)
    if plan.kind == "sales_log" and "cost" not in plan.fields.values():
        print(words("no_cost"), file=out)
    if plan.rejections:
        print(words("rejected_rows", len(plan.rejected_rows)), file=out)
        for rejection in plan.rejections:
            print(f"  - {rejection.said(words.translate)}", file=out)
    if plan.rejections and not args.skip_bad_rows:
        print(words("nothing_would" if args.dry_run else "nothing_was"), file=out)
        return 1
    if not plan.has_work:
        print(words("nothing_new"), file=out)
    return 0


def _describe(words: Words, info: BackupInfo) -> str:
    """`taken 17.06.2026 12:00, 1.2 MB, contacts: 60, orders: 1018, ...`"""
    counts = _counts(words, info.counts or {})
    if info.size >= 1e6:
        size = words("megabytes", words.fmt.number(Decimal(info.size) / 10**6, 1))
    else:
        size = words("kilobytes", words.fmt.integer(round(info.size / 1e3)))
    taken = f"{words.fmt.date(info.taken_at.date())} {info.taken_at:%H:%M:%S}"
    return words("taken", taken, size, counts)


def _figures(args: argparse.Namespace, out: TextIO) -> int:
    from ui.reports.labels import report_labels

    today = dt.date.today()
    start = args.date_from or today.replace(month=1, day=1)
    if args.date_to is not None and args.date_to < start:
        raise ValidationError.of("to", "cli.to_before_from", args.date_to, start)
    period = Period(start, args.date_to)
    database = Database.open_existing(args.db)
    try:
        summary = period_figures(database, period, today)
        customers = top_customers(database, period, "revenue", args.top, today)
        products = product_figures(database, period, today)
        words = _words(_symbol(database))
    finally:
        database.close()
    labels = report_labels(words.fmt, words.translate)
    fmt = words.fmt
    end = fmt.date(period.end) if period.end else "…"
    print(words("period_today", fmt.date(period.start), end, fmt.date(today)), file=out)
    print(words("rules") + "\n", file=out)
    realized = summary.realized
    rows = [
        (labels["Revenue"], fmt.money(realized.amount)),
        (labels["Cost"], fmt.money(realized.cost)),
        (labels["Profit"], fmt.money(realized.profit)),
        (labels["Margin"], fmt.percent(realized.margin)),
        (words("markup"), fmt.percent(realized.markup)),
        (labels["Orders"], fmt.integer(summary.orders)),
        (words("lines_units"), f"{fmt.integer(summary.lines)} / {fmt.integer(summary.units)}"),
        (labels["Average check"], fmt.money(summary.average_check)),
        (
            words("new_returning"),
            f"{fmt.integer(summary.new_customers)} / {fmt.integer(summary.returning_customers)}",
        ),
        (labels["Planned revenue"], fmt.money(summary.planned.amount)),
        (labels["Planned profit"], fmt.money(summary.planned.profit)),
    ]
    table(out, (labels["Figure"], words("value")), rows)
    print("\n" + labels["Top customers by revenue"], file=out)
    _customers(out, labels, fmt, customers)
    print("\n" + words("products_by_profit"), file=out)
    header = ("Product", "Units", "Revenue", "Profit", "Margin")
    table(
        out,
        [labels[h] for h in header],
        [(p.name, fmt.integer(p.units), *_money_columns(fmt, p.figures)) for p in products],
    )
    return 0


def _money_columns(fmt, figures: Figures) -> tuple[str, str, str]:
    return fmt.money(figures.amount), fmt.money(figures.profit), fmt.percent(figures.margin)
