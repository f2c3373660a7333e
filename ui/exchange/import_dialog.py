"""File → Import: read a sales log or an export, show what would be created, then import."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.errors import ValidationError
from services.importing import (
    FIELDS,
    ImportOutcome,
    ImportPlan,
    SourceSheet,
    header_key,
    main_sheet,
    match_headers,
    plan_import,
    read_file,
    run_import,
)
from services.storage import Database
from ui import settings as options
from ui.formatting import Formatter
from ui.messages import error_text, window_translate
from ui.operation import Operation

LAST_FOLDER = options.Option("import/folder", "")
# Column number → field (None: not imported). Keyed `str | int` as services.importing takes a
# mapping (by a header's text or a column's number): a Mapping's key type is invariant, so a
# dict[int, …] would not be taken.
ColumnMapping = dict[str | int, str | None]


def _mapping_key(headers: tuple[str, ...]) -> str:
    return f"import/mappings/{header_key(headers)}"


def remembered_mapping(settings: QSettings, headers: tuple[str, ...]) -> ColumnMapping:
    """The columns the person mapped by hand last time for this very header set, by column
    number (two columns may share a header: "Цена" for the price and "Цена" for the cost)."""
    try:
        saved = json.loads(str(settings.value(_mapping_key(headers), "{}")))
        return {int(k): (v or None) for k, v in saved.items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def remember_mapping(settings: QSettings, headers: tuple[str, ...], mapping: dict) -> None:
    settings.setValue(_mapping_key(headers), json.dumps(mapping, ensure_ascii=False))


class ImportDialog(QDialog):
    """The preview: what the file would create, the column mapping of a sales log, and every
    rejected row with its row number, column and reason. Import is one transaction."""

    planned = Signal()  # a (re)plan finished, successfully or not

    def __init__(
        self,
        database: Database,
        path: Path,
        settings: QSettings,
        parent: QWidget | None = None,
        formatter: Formatter | None = None,
    ) -> None:
        super().__init__(parent)
        self.formatter = formatter or Formatter()
        self.setWindowTitle(self.tr("Import %1").replace("%1", path.name))
        self.resize(820, 560)
        self._database, self.path, self._settings = database, path, settings
        self.sheets: list[SourceSheet] = []
        self.sheet: SourceSheet | None = None  # the sales log's sheet
        self.plan: ImportPlan | None = None
        self.outcome: ImportOutcome | None = None
        self.operation: Operation | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.mapping_label = QLabel(self.tr("Columns of the file and what they hold:"))
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Holds")])
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping.verticalHeader().hide()
        self.recheck = QPushButton(self.tr("Check again with these columns"))
        self.recheck.clicked.connect(self.replan)
        self.changes_label = QLabel()
        self.changes = QTableWidget(0, 4)
        self.changes.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Customer"), self.tr("Amount here → in the file"), ""]
        )
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.verticalHeader().hide()
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.prefer_file = QCheckBox(
            self.tr("Take the file's version of the orders changed both here and in the file")
        )
        self.rejected_label = QLabel()
        self.rejected_rows = QTableWidget(0, 3)
        self.rejected_rows.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Reason")]
        )
        self.rejected_rows.horizontalHeader().setStretchLastSection(True)
        self.rejected_rows.verticalHeader().hide()
        for table in (self.mapping, self.rejected_rows):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rejected_rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.skip = QCheckBox(
            self.tr("Skip the rejected rows (they are written to a file beside this one)")
        )
        self.skip.toggled.connect(self._update_buttons)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(str(path)))
        layout.addWidget(self.summary)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.recheck)
        layout.addLayout(row)
        layout.addWidget(self.changes_label)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.prefer_file)
        layout.addWidget(self.rejected_label)
        layout.addWidget(self.rejected_rows, 1)
        layout.addWidget(self.skip)
        layout.addWidget(self.buttons)
        self.import_button.setEnabled(False)

    # --- planning (in the background: reading a large workbook takes seconds) -----------
    def start(self) -> Operation:
        """Read the file and plan with the remembered mapping."""
        path, database = self.path, self._database
        settings = self._settings

        def work(_progress):
            sheets = read_file(path)
            mapping = remembered_mapping(settings, main_sheet(sheets).headers)
            return sheets, mapping, _plan(database, sheets, mapping)

        def done(result) -> None:
            self.sheets, mapping, outcome = result
            self.sheet = main_sheet(self.sheets)
            self._fill_mapping(mapping)
            self._show(outcome)

        return self._run(self.tr("Reading %1…").replace("%1", path.name), work, done)

    def replan(self) -> Operation:
        """Plan again with the columns as mapped in the table (remembered for next time)."""
        mapping = self.current_mapping()
        assert self.sheet is not None  # the file was read (start) before its columns are shown
        remember_mapping(self._settings, self.sheet.headers, mapping)
        database, sheets = self._database, self.sheets

        def work(_progress):
            return _plan(database, sheets, mapping)

        return self._run(self.tr("Checking…"), work, self._show)

    def _run(self, label: str, work, done) -> Operation:
        self.operation = Operation(self, label, work, done)
        self.operation.done.connect(lambda _result: self.planned.emit())
        return self.operation.start()

    def _fill_mapping(self, mapping: ColumnMapping) -> None:
        assert self.sheet is not None  # set from the file just read
        headers = self.sheet.headers
        matched = match_headers(headers, mapping or None).fields
        self.mapping.setRowCount(len(headers))
        for row, header in enumerate(headers):
            item = QTableWidgetItem(header)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), "")
            for name in FIELDS:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(matched.get(row, ""))))
            self.mapping.setCellWidget(row, 1, combo)
        self.mapping.resizeColumnToContents(0)

    def current_mapping(self) -> ColumnMapping:
        """Column number → field (None: not imported), as the table shows it now."""
        mapping: ColumnMapping = {}
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)  # _fill_mapping put one on every row
            mapping[row] = combo.currentData() or None
        return mapping

    def _show(self, outcome) -> None:
        plan, problem = outcome
        self.plan = plan
        exchange = plan is not None and plan.kind == "exchange"
        for widget in (self.mapping_label, self.mapping, self.recheck):
            widget.setVisible(not exchange)
        if plan is None:
            self.summary.setText(
                problem + "\n" + self.tr("Choose what the columns hold, then check again.")
            )
        else:
            kind = self.tr("Lavka export") if exchange else self.tr("Sales log")
            self.summary.setText(
                self.tr("%1: %2 new contacts (%3 already known), %4 new products.")
                .replace("%1", kind)
                .replace("%2", str(plan.contacts_new))
                .replace("%3", str(plan.contacts_existing))
                .replace("%4", str(plan.products_new))
                + "\n"
                + self.tr("Orders: %1 new, %2 updated, %3 unchanged; %4 lines to write.")
                .replace("%1", str(plan.count("new")))
                .replace("%2", str(plan.count("updated")))
                .replace("%3", str(plan.count("unchanged")))
                .replace("%4", str(plan.line_count))
                + self._warnings(plan)
            )
        self._show_changes(plan)
        rejections = plan.rejections if plan is not None else ()
        self.rejected_rows.setRowCount(len(rejections))
        for row, rejection in enumerate(rejections):
            where = f"{rejection.sheet}: {rejection.row}" if exchange else str(rejection.row)
            said = rejection.why(window_translate)
            for column, text in enumerate((where, rejection.column, said)):
                self.rejected_rows.setItem(row, column, QTableWidgetItem(text))
        self.rejected_rows.resizeColumnsToContents()
        self.rejected_label.setText(
            self.tr("Rejected rows: %1. Nothing is imported unless you skip them.").replace(
                "%1", str(len(plan.rejected_rows))
            )
            if rejections
            else self.tr("No rejected rows.")
        )
        self.skip.setVisible(bool(rejections))
        self._update_buttons()

    def _show_changes(self, plan: ImportPlan | None) -> None:
        """Every order the import would change, and every order changed on both sides."""
        changed = plan.in_state("updated", "conflict") if plan is not None else ()
        names = {c.key: c.name for c in plan.contacts} if plan is not None else {}
        money = self.formatter.money
        self.changes.setRowCount(len(changed))
        for row, order in enumerate(changed):
            what = (
                self.tr("Changed here too: Lavka's version is kept")
                if order.state == "conflict"
                else self.tr("Updated from the file")
            )
            amounts = f"{money(order.old_amount)} → {money(order.amount)}"
            texts = (str(order.existing_id), names.get(order.contact_key, ""), amounts, what)
            for column, text in enumerate(texts):
                self.changes.setItem(row, column, QTableWidgetItem(text))
        self.changes.resizeColumnsToContents()
        conflicts = plan.count("conflict") if plan is not None else 0
        for widget in (self.changes_label, self.changes):
            widget.setVisible(bool(changed))
        self.changes_label.setText(
            self.tr("Orders changed in the file: %1.").replace("%1", str(len(changed)))
        )
        self.prefer_file.setVisible(conflicts > 0)

    def _warnings(self, plan: ImportPlan) -> str:
        """What the person should know before importing: orders changed on both sides or
        deleted here; in a sales log, no cost means profit equals revenue, and unmapped
        columns are left out."""
        said = []
        if conflicts := plan.count("conflict"):
            said.append(
                self.tr(
                    "%1 orders were changed both here and in the file since the last import: "
                    "Lavka's version is kept unless you take the file's."
                ).replace("%1", str(conflicts))
            )
        if deleted := plan.count("deleted"):
            said.append(
                self.tr(
                    "%1 orders of the file were deleted here after an earlier import: they "
                    "are not imported again."
                ).replace("%1", str(deleted))
            )
        if not plan.has_work:
            said.append(self.tr("Nothing new: every order of the file is already here."))
        if plan.kind != "sales_log" or self.sheet is None:
            return "".join("\n" + line for line in said)
        if "cost" not in plan.fields.values():
            said.append(
                self.tr(
                    "There is no cost column: new products and lines get a cost of 0, so "
                    "their profit equals their revenue. Map the column that holds the cost."
                )
            )
        left_out = [h for i, h in enumerate(self.sheet.headers) if h and i not in plan.fields]
        if left_out:
            said.append(self.tr("Not imported: %1.").replace("%1", ", ".join(left_out)))
        return "".join("\n" + line for line in said)

    def _update_buttons(self) -> None:
        plan = self.plan
        ready = plan is not None and plan.has_work
        allowed = plan is not None and (not plan.rejections or self.skip.isChecked())
        self.import_button.setEnabled(ready and allowed)

    # --- importing ------------------------------------------------------------------------
    def start_import(self) -> Operation | None:
        if self.plan is None or not self.import_button.isEnabled():
            return None
        plan, database, path, skip = self.plan, self._database, self.path, self.skip.isChecked()
        prefer_file = self.prefer_file.isChecked()

        def work(progress):
            return run_import(
                database, path, plan, skip, progress, prefer_file, translate=window_translate
            )

        def done(outcome: ImportOutcome) -> None:
            self.outcome = outcome
            self.accept()

        return self._run(self.tr("Importing…"), work, done)


def _plan(database: Database, sheets, mapping) -> tuple[ImportPlan | None, str]:
    """The plan, or why there is none (a required column is not found: the person maps it).
    A sales log is planned from its main sheet with the mapping made for that sheet."""
    try:
        return plan_import(database, sheets, mapping or None), ""
    except ValidationError as error:
        return None, error_text(error)


def field_label(name: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "date": QCoreApplication.translate("Import", "Date"),
        "customer": QCoreApplication.translate("Import", "Customer name"),
        "phone": QCoreApplication.translate("Import", "Phone"),
        "product": QCoreApplication.translate("Import", "Product"),
        "quantity": QCoreApplication.translate("Import", "Quantity"),
        "price": QCoreApplication.translate("Import", "Price"),
        "cost": QCoreApplication.translate("Import", "Cost"),
        "order_number": QCoreApplication.translate("Import", "Order number"),
        "status": QCoreApplication.translate("Import", "Status"),
        "comment": QCoreApplication.translate("Import", "Comment"),
        "address": QCoreApplication.translate("Import", "Address"),
        "channel": QCoreApplication.translate("Import", "Channel"),
        "email": QCoreApplication.translate("Import", "Email"),
        "notes": QCoreApplication.translate("Import", "Notes"),
    }
    return labels.get(name, name)


class OpenFile:
    """The native open dialog for a workbook or CSV file (tests patch `ask`)."""

    @staticmethod
    def ask(parent: QWidget | None, settings: QSettings) -> Path | None:
        from PySide6.QtCore import QCoreApplication

        folder = LAST_FOLDER.get(settings) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Import", "Import from a file"),
            folder,
            QCoreApplication.translate(
                "Import", "Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"
            ),
        )
        if not path:
            return None
        LAST_FOLDER.set(settings, str(Path(path).parent))
        return Path(path)
