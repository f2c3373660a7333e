"""An expense: date, amount, category, the channel an ad ran on, comment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from services import choices
from services.errors import LavkaError, ValidationError
from services.expenses import ExpenseInput, ExpenseView, get_expense, save_expense
from services.storage import Database
from ui.formatting import EMPTY, Formatter, money_text
from ui.messages import error_text, problem_text
from ui.purchases.names import ADS, EXPENSE_CATEGORIES, category_name
from ui.widgets.fields import date_edit, error_label, python_date, with_error
from ui.widgets.style import RIGHT
from ui.widgets.tables import MONEY_SAMPLE, text_width

FIELDS = ("date", "amount", "category", "channel", "comment", "general")


class ExpenseDialog(QDialog):
    """OK saves the expense; a refusal is said under its field and the dialog stays open
    with what was typed."""

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        expense_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._expense_id, self._today = expense_id, today or dt.date.today()
        self.saved_expense: ExpenseView | None = None
        self.setWindowTitle(self.tr("New expense") if expense_id is None else self.tr("Expense"))
        self.date = date_edit(formatter, self._today)
        self.amount = QLineEdit()
        self.amount.setAlignment(RIGHT)
        self.amount.setPlaceholderText(money_text(Decimal("1250.50"), formatter))
        self.amount.setMaximumWidth(text_width(self, MONEY_SAMPLE) + 24)
        self.category = QComboBox()
        for code in EXPENSE_CATEGORIES:
            self.category.addItem(category_name(code), code)
        self.category.setCurrentIndex(self.category.findData(ADS))
        self.channel = QComboBox()
        self.channel.addItem(EMPTY, None)
        with database.session() as session:
            for channel in choices.channels(session):
                self.channel.addItem(channel.name, channel.id)
        self.channel.setToolTip(self.tr("Where the ad ran: its spend is set against the channel"))
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("What it was for…"))
        self.errors = {field: error_label() for field in FIELDS}

        form = QFormLayout(self)
        form.addRow(self.tr("Date:"), with_error(self.date, self.errors["date"]))
        form.addRow(self.tr("Amount:"), with_error(self.amount, self.errors["amount"]))
        form.addRow(self.tr("Category:"), with_error(self.category, self.errors["category"]))
        form.addRow(self.tr("Channel:"), with_error(self.channel, self.errors["channel"]))
        form.addRow(self.tr("Comment:"), with_error(self.comment, self.errors["comment"]))
        form.addRow(self.errors["general"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self.category.currentIndexChanged.connect(self._category_changed)
        if expense_id is not None:
            self._load(get_expense(database, expense_id))
        self._category_changed()

    @classmethod
    def ask(
        cls,
        database: Database,
        formatter: Formatter,
        expense_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> ExpenseView | None:
        """The saved expense, or None when the person cancelled (tests monkeypatch this)."""
        dialog = cls(database, formatter, expense_id, parent, today)
        return dialog.saved_expense if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _load(self, view: ExpenseView) -> None:
        self.date.setDate(QDate(view.date.year, view.date.month, view.date.day))
        self.amount.setText(money_text(view.amount, self._formatter))
        self.category.setCurrentIndex(max(self.category.findData(view.category), 0))
        if view.channel_id is not None and self.channel.findData(view.channel_id) < 0:
            self.channel.addItem(view.channel or "", view.channel_id)  # an archived channel
        self.channel.setCurrentIndex(max(self.channel.findData(view.channel_id), 0))
        self.comment.setText(view.comment or "")

    def expense_input(self) -> ExpenseInput:
        ads = self.category.currentData() == ADS
        return ExpenseInput(
            amount=self.amount.text().strip(),
            category=self.category.currentData(),
            date=python_date(self.date.date()),
            channel_id=self.channel.currentData() if ads else None,
            comment=self.comment.text(),
        )

    def save(self) -> bool:
        for label in self.errors.values():
            label.hide()
        try:
            self.saved_expense = save_expense(
                self._database, self.expense_input(), self._expense_id, self._today
            )
        except ValidationError as error:
            for problem in error.problems:
                key = problem.field if problem.field in self.errors else "general"
                self._say(key, problem_text(problem))
            self.adjustSize()  # wrapped messages need their height
            return False
        except LavkaError as error:
            self._say("general", error_text(error))
            return False
        self.accept()
        return True

    def _category_changed(self) -> None:
        """Only an ad runs on a channel: the channel is offered for Ads alone."""
        ads = self.category.currentData() == ADS
        self.channel.setEnabled(ads)
        if not ads:
            self.channel.setCurrentIndex(0)

    def _say(self, key: str, message: str) -> None:
        label = self.errors[key]
        label.setText(f"{label.text()}\n{message}" if label.isVisibleTo(self) else message)
        label.show()
