"""The global search's results as one list: a header for each kind, then its hits."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from services.search import (
    COMPANY,
    FACTS_SEPARATOR,
    ORDER,
    PERSON,
    PRODUCT,
    SearchHit,
    SearchResults,
)
from ui.formatting import Formatter

_DISPLAY = Qt.ItemDataRole.DisplayRole
HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the services.search.SearchHit; None on a header
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2  # a hit's second line, as shown
HEADER_ROLE = Qt.ItemDataRole.UserRole + 3  # True on a header row
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # the kind of the row's hits (services.search)
MUTED_ROLE = Qt.ItemDataRole.UserRole + 5  # an archived contact, a product no longer offered


@dataclass(frozen=True)
class ResultRow:
    """One row of the list, written once: a header ("Orders") or a hit."""

    kind: str
    title: str
    detail: str = ""
    hit: SearchHit | None = None

    @property
    def header(self) -> bool:
        return self.hit is None


class SearchResultsModel(QAbstractListModel):
    """Companies, People, Orders, Products: each kind found under its header, best first.
    Headers can be neither selected nor opened; `step` moves between hits over them."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._rows: list[ResultRow] = []
        self.results = SearchResults()

    def set_results(self, results: SearchResults) -> None:
        headers = {
            COMPANY: self.tr("Companies"),
            PERSON: self.tr("People"),
            ORDER: self.tr("Orders"),
            PRODUCT: self.tr("Products"),
        }
        rows = []
        for kind, hits in results.groups():
            rows.append(ResultRow(kind, headers[kind]))
            rows.extend(ResultRow(kind, self._title(hit), self._detail(hit), hit) for hit in hits)
        self.beginResetModel()
        self.results = results
        self._rows = rows
        self.endResetModel()

    def _title(self, hit: SearchHit) -> str:
        if hit.kind == ORDER:
            return self.tr("No. %1 · %2").replace("%1", str(hit.id)).replace("%2", hit.title)
        return hit.title

    def _detail(self, hit: SearchHit) -> str:
        fmt = self._formatter
        if hit.kind == ORDER:
            facts = [fmt.date(hit.date), fmt.money(hit.amount), hit.detail]
        elif hit.kind == PRODUCT:
            facts = [self.tr("not offered") if hit.archived else "", hit.detail]
        else:
            facts = [self.tr("archived") if hit.archived else "", hit.detail]
        return FACTS_SEPARATOR.join(fact for fact in facts if fact)

    # --- the list's rows ---------------------------------------------------------------
    def hit(self, row: int) -> SearchHit | None:
        return self._rows[row].hit if 0 <= row < len(self._rows) else None

    def first_hit_row(self) -> int | None:
        return self.step(-1, 1)

    def step(self, row: int, delta: int) -> int | None:
        """The row of the next hit from `row` going `delta` (±1) rows at a time, headers
        skipped; None when there is none that way."""
        row += delta
        while 0 <= row < len(self._rows):
            if not self._rows[row].header:
                return row
            row += delta
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].header:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == _DISPLAY:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return None if row.header else "\n".join(t for t in (row.title, row.detail) if t)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(t for t in (row.title, row.detail) if t)
        if role == DETAIL_ROLE:
            return row.detail
        if role == HIT_ROLE:
            return row.hit
        if role == HEADER_ROLE:
            return row.header
        if role == KIND_ROLE:
            return row.kind
        if role == MUTED_ROLE:
            return row.hit is not None and row.hit.archived
        return None
