"""The Settings dialog: business settings, the editable lists, tags, reminders, deal scoring,
how long the history keeps its details and, on a server's database, its users: one page
each (a module each in this package)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout

from models.roles import OWNER
from services.errors import Problem, ValidationError
from services.settings_store import load_business_settings
from ui.formatting import Formatter
from ui.settings_dialog.business import BusinessPage
from ui.settings_dialog.history import HistoryPage
from ui.settings_dialog.lists import ListPage
from ui.settings_dialog.reminders import RemindersPage
from ui.settings_dialog.scoring import ScoringPage
from ui.settings_dialog.tags import TagsPage
from ui.settings_dialog.users import UsersPage

TAB_BAR_MARGIN = 12  # the tab widget's frame around its bar
# a page: its tab's title(), load(), save() (one transaction), show_problems(), focus_problem()
Page = BusinessPage | ListPage | TagsPage | RemindersPage | ScoringPage | HistoryPage | UsersPage

__all__ = [
    "BusinessPage", "HistoryPage", "ListPage", "RemindersPage", "ScoringPage", "SettingsDialog",
    "TagsPage", "UsersPage",
]  # fmt: skip


class SettingsDialog(QDialog):
    """OK saves every page in order and stays open while any page is refused, on the first
    refused page with the cursor in its first wrong field; Cancel discards.

    Each page saves in its own transaction (all of its values or none): a page that was
    accepted stays saved even if a later page is refused (saving it again on the next OK
    changes nothing)."""

    def __init__(self, database, parent=None, formatter: Formatter | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        if formatter is None:
            symbol = load_business_settings(database).currency_symbol
            formatter = Formatter(QLocale(), symbol)
        self.business = BusinessPage(database)
        self.statuses = ListPage(database, "statuses", self.tr("Order statuses"))
        self.channels = ListPage(database, "channels", self.tr("Channels"))
        self.loss_reasons = ListPage(database, "loss_reasons", self.tr("Loss reasons"))
        self.tags = TagsPage(database, formatter)
        self.reminders = RemindersPage(database)
        self.scoring = ScoringPage(database, formatter)
        self.history = HistoryPage(database)
        self.pages: list[Page] = [
            self.business,
            self.statuses,
            self.channels,
            self.loss_reasons,
            self.tags,
            self.reminders,
            self.scoring,
            self.history,
        ]
        self.users: UsersPage | None = None
        if database.dialect == "postgresql" and database.role == OWNER:
            self.users = UsersPage(database)
            self.pages.append(self.users)
        self.tabs = QTabWidget()
        for page in self.pages:
            page.load()
            self.tabs.addTab(page, page.title())
        # every tab in sight (Russian titles run long): no scroll arrows hiding the first ones
        self.tabs.setMinimumWidth(self.tabs.tabBar().sizeHint().width() + TAB_BAR_MARGIN)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save_all)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

    def save_all(self) -> None:
        refused: list[tuple[Page, list[Problem]]] = []
        for page in self.pages:
            try:
                page.save()
            except ValidationError as error:
                page.show_problems(error.problems)
                refused.append((page, error.problems))
            else:
                page.show_problems([])
        if refused:
            page, problems = refused[0]
            self.tabs.setCurrentWidget(page)
            if problems:
                page.focus_problem(problems[0])
            return
        self.accept()

    @classmethod
    def ask(cls, database, parent=None, formatter: Formatter | None = None) -> bool:
        """Show the dialog; True if the settings were saved."""
        return cls(database, parent, formatter).exec() == QDialog.DialogCode.Accepted
