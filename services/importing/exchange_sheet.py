"""A sheet of Lavka's exchange format as the planners read it: cells by the format's headers
(however the file spells them), whole-number IDs, and the rows refused, named by the sheet's
own header text."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Concatenate, ParamSpec, TypeVar

from services.errors import ValidationError
from services.importing.cells import cell_text
from services.importing.headers import normal_header
from services.importing.plan import Rejection, SkippedRow
from services.importing.source import Cell, SourceSheet
from services.values import required_name

Args = ParamSpec("Args")
Parsed = TypeVar("Parsed")


class ExchangeSheet:
    """Cells by exchange header, rejections named by the sheet's own header text."""

    def __init__(self, sheet: SourceSheet) -> None:
        self.sheet = sheet
        self.index: dict[str, int] = {}  # a normalised header → its first column
        for i, header in enumerate(sheet.headers):
            self.index.setdefault(normal_header(header), i)
        self._positions: dict[str, int | None] = {}  # the format's header → its column
        self.rejections: list[Rejection] = []
        self.bad: dict[int, list[Rejection]] = {}  # row → its own problems

    def _position(self, header: str) -> int | None:
        try:
            return self._positions[header]
        except KeyError:  # asked for every row: normalised once
            found = self._positions[header] = self.index.get(normal_header(header))
            return found

    def cell(self, cells: tuple[Cell, ...], header: str) -> Cell:
        i = self._position(header)
        return cells[i] if i is not None else None

    def text(self, cells: tuple[Cell, ...], header: str) -> str | None:
        return cell_text(self.cell(cells, header))

    def column(self, header: str) -> str:
        """The sheet's own spelling of a header."""
        i = self._position(header)
        return self.sheet.headers[i] if i is not None else header

    def refuse(self, row: int, header: str, code: str, *params: object) -> None:
        self._add(Rejection.of(row, self.column(header), self.sheet.name, code, *params))

    def refuse_for(self, row: int, header: str, error: ValidationError) -> None:
        """The first problem of `error` (from a parser) as the row's rejection."""
        problem = error.problems[0]
        self._add(Rejection.of_problem(row, self.column(header), self.sheet.name, problem))

    def _add(self, rejection: Rejection) -> None:
        self.rejections.append(rejection)
        self.bad.setdefault(rejection.row, []).append(rejection)

    def parse(
        self,
        row: int,
        header: str,
        parser: Callable[Concatenate[Cell, Args], Parsed],
        *args: Args.args,
        **kwargs: Args.kwargs,
    ) -> Parsed | None:
        """What `parser` makes of the current row's cell under `header`; None, with the row
        refused, when it raises a ValidationError."""
        try:
            return parser(self.cell(self._cells, header), *args, **kwargs)
        except ValidationError as error:
            self.refuse_for(row, header, error)
            return None

    def rows(self) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        """The sheet's rows; `parse` reads the cells of the one last given."""
        for row, cells in self.sheet.rows():
            self._cells = tuple(cells)
            yield row, self._cells

    def ident(
        self, row: int, cells: tuple[Cell, ...], header: str, seen: Mapping[int, int] | None
    ) -> int | None:
        """A whole-number ID in the cell; None, with the row refused, for anything else, for
        one already in `seen` (ID → its row) and, when `seen` is given, for none."""
        text = self.text(cells, header)
        if text is None:
            if seen is not None:
                self.refuse(row, header, "import.required", header)
            return None
        if not text.isdigit():
            self.refuse(row, header, "import.not_whole", header, text)
            return None
        value = int(text)
        if seen is not None and value in seen:
            self.refuse(row, header, "import.id_twice", header, value, seen[value])
            return None
        return value

    def skipped(self, row: int, cells: tuple[Cell, ...]) -> SkippedRow:
        """The row left out, with its own rejections."""
        return SkippedRow(self.sheet.name, row, cells, tuple(self.bad[row]))

    def skipped_with(
        self, row: int, cells: tuple[Cell, ...], code: str, other: ExchangeSheet, other_row: int
    ) -> SkippedRow:
        """The row left out along with `other_row` of `other` ("import.with_line" …), or for
        its own rejections when it has some."""
        if row in self.bad:
            return self.skipped(row, cells)
        why = Rejection.of(row, "", self.sheet.name, code, other.sheet.name, other_row)
        return SkippedRow(self.sheet.name, row, cells, (why,))


def name_cell(value: Cell, label: str, max_length: int = 200) -> str:
    """A required name (of a contact, a company, a product or a tag)."""
    return required_name(cell_text(value), "name", label, max_length)
