"""Settings → Business: the currency and the phone region."""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from services.errors import Problem
from services.settings_store import load_business_settings, save_business_settings
from ui.settings_pages.common import show_by_field
from ui.widgets import error_label


class BusinessPage(QWidget):
    """Currency and phone region; like a Picard options page it only loads and saves."""

    def __init__(self, database, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.currency_code = QLineEdit()
        self.currency_code.setMaxLength(3)
        self.currency_symbol = QLineEdit()
        self.currency_symbol.setMaxLength(5)
        self.phone_region = QComboBox()
        for code in sorted(phonenumbers.SUPPORTED_REGIONS):
            territory = QLocale.codeToTerritory(code)
            name = QLocale.territoryToString(territory) if territory.value else ""
            self.phone_region.addItem(f"{code} — {name}" if name else code, code)
        self.fields: dict[str, QWidget] = {
            "currency_code": self.currency_code,
            "currency_symbol": self.currency_symbol,
            "phone_region": self.phone_region,
        }
        self.errors = {field: error_label() for field in self.fields}
        self.other_errors = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Currency code:"), self.currency_code)
        form.addRow("", self.errors["currency_code"])
        form.addRow(self.tr("Currency symbol:"), self.currency_symbol)
        form.addRow("", self.errors["currency_symbol"])
        form.addRow(self.tr("Phone region:"), self.phone_region)
        form.addRow("", self.errors["phone_region"])
        form.addRow(self.other_errors)

    def title(self) -> str:
        return self.tr("Business")

    def load(self) -> None:
        current = load_business_settings(self._database)
        self.currency_code.setText(current.currency_code)
        self.currency_symbol.setText(current.currency_symbol)
        index = self.phone_region.findData(current.phone_region)
        if index < 0:  # a region this phonenumbers build does not know: show it, let it be fixed
            self.phone_region.addItem(current.phone_region, current.phone_region)
            index = self.phone_region.count() - 1
        self.phone_region.setCurrentIndex(index)

    def save(self) -> None:
        save_business_settings(
            self._database,
            self.currency_code.text(),
            self.currency_symbol.text(),
            self.phone_region.currentData(),
        )

    def show_problems(self, problems: list[Problem]) -> None:
        show_by_field(self.errors, self.other_errors, problems)

    def focus_problem(self, problem: Problem) -> None:
        field = self.fields.get(problem.field)
        if field is not None:
            field.setFocus()
