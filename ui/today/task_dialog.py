"""A task: what, when (a day, maybe a time), about whom or which order; new or edited."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from services.errors import LavkaError, NotFound, ValidationError
from services.storage import Database
from services.tasks import TaskInput, TaskView, create_task, get_task, set_task_done, update_task
from ui.contacts.picker import ContactPicker
from ui.formatting import Formatter
from ui.messages import error_text, problem_text
from ui.widgets.fields import date_edit, error_label, python_date, qt_date, with_error

FIELDS = ("title", "due", "due_time", "contact", "order", "general")


class TaskDialog(QDialog):
    """Save creates or updates the task in one transaction; a refusal is said under its field
    and the dialog stays open with what was typed."""

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        task_id: int | None = None,
        due: dt.date | None = None,
        contact_id: int | None = None,
        order_id: int | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._task_id = database, task_id
        self.task: TaskView | None = None
        self.title = QLineEdit(title)
        self.title.setPlaceholderText(self.tr("Call back, send the invoice, …"))
        self.due = date_edit(formatter, due or dt.date.today())
        self.time = QLineEdit()
        self.time.setPlaceholderText(self.tr("any time, or 14:30"))
        self.time.setMaximumWidth(self.fontMetrics().horizontalAdvance("any time, or 14:30") + 24)
        self.picker = ContactPicker(database, formatter)
        self.order = QLineEdit()
        self.order.setPlaceholderText(self.tr("order number, if it is about one"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.done_box = QCheckBox(self.tr("Done"))
        self.errors = {field: error_label() for field in FIELDS}
        form = QFormLayout(self)
        form.addRow(self.tr("Task:"), with_error(self.title, self.errors["title"]))
        form.addRow(self.tr("Due:"), with_error(self.due, self.errors["due"]))
        form.addRow(self.tr("Time:"), with_error(self.time, self.errors["due_time"]))
        form.addRow(self.tr("Contact:"), with_error(self.picker, self.errors["contact"]))
        form.addRow(self.tr("Order:"), with_error(self.order, self.errors["order"]))
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow("", self.done_box)
        form.addRow(self.errors["general"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())
        if task_id is None:
            self.setWindowTitle(self.tr("New task"))
            self.done_box.hide()
            if contact_id is not None:
                self.picker.select_contact(contact_id)
            if order_id is not None:
                self.order.setText(str(order_id))
        else:
            self._load(task_id)

    def _load(self, task_id: int) -> None:
        task = get_task(self._database, task_id)
        self.setWindowTitle(self.tr("Task"))
        self.title.setText(task.title)
        self.due.setDate(qt_date(task.due_date))
        self.time.setText(task.due_time.strftime("%H:%M") if task.due_time else "")
        if task.contact_id is not None:
            self.picker.set_contact(task.contact_id, task.contact_name or "", task.contact_phone)
        self.order.setText("" if task.order_id is None else str(task.order_id))
        self.notes.setPlainText(task.notes or "")
        self.done_box.setChecked(task.done)

    def task_input(self) -> TaskInput:
        return TaskInput(
            title=self.title.text(),
            due=python_date(self.due.date()),
            due_time=self.time.text(),
            contact_id=self.picker.contact_id(),
            order_id=int(self.order.text()) if self.order.text().strip().isdigit() else None,
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        if self.order.text().strip() and not self.order.text().strip().isdigit():
            self._say("order", self.tr("An order number is a whole number, like 1042."))
            return
        try:
            if self._task_id is None:
                self.task = create_task(self._database, self.task_input())
            else:
                self.task = update_task(self._database, self._task_id, self.task_input())
                if self.done_box.isChecked() != self.task.done:
                    self.task = set_task_done(
                        self._database, self._task_id, self.done_box.isChecked()
                    )
        except ValidationError as error:
            for problem in error.problems:
                self._say(problem.field, problem_text(problem))
            return
        except (NotFound, LavkaError) as error:
            self._say("general", error_text(error))
            return
        self.accept()

    def _say(self, field: str, message: str) -> None:
        label = self.errors.get(field, self.errors["general"])
        label.setText(message)
        label.show()

    @classmethod
    def ask(
        cls, database: Database, formatter: Formatter, parent=None, **prefill
    ) -> TaskView | None:
        """The saved task, or None when the person cancelled (tests replace this)."""
        dialog = cls(database, formatter, parent=parent, **prefill)
        return dialog.task if dialog.exec() == QDialog.DialogCode.Accepted else None
