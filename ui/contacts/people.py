"""A company card's People tab: who works there, with their phones and e-mails."""

from __future__ import annotations

from services.contacts import PersonView
from ui.formatting import Formatter
from ui.widgets import RowsModel


class PeopleModel(RowsModel):
    NAME, JOB_TITLE, PHONE, EMAIL = range(4)

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (self.tr("Name"), self.tr("Job title"), self.tr("Phone"), self.tr("E-mail"))
        super().__init__(formatter, headers, parent)

    def cells(self, item: PersonView) -> tuple[str, ...]:
        name = item.name if not item.archived else self.tr("%1 (archived)").replace("%1", item.name)
        return name, item.job_title or "", Formatter.phone(item.phone), item.email or ""

    def person_id(self, row: int) -> int:
        return self._rows[row].id
