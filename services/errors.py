"""Domain errors whose message a person can read, naming the field and the value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Self, TypeVar

from services import messages


class LavkaError(Exception):
    """Base for every error Lavka shows to a person.

    `code` and `params` say it as data (services/messages.py), for the window and the command
    line to put in the person's language; the message is the English sentence, made from the
    code when not given."""

    code: str | None = None
    params: tuple[str, ...] = ()

    def __init__(
        self, message: str = "", code: str | None = None, params: tuple[object, ...] = ()
    ) -> None:
        if code is not None:
            self.code, self.params = code, messages.params_of(params)
            message = message or messages.text(code, self.params)
        super().__init__(message)

    @classmethod
    def of(cls, code: str, *params: object) -> Self:
        """The error said by its code: `NotFound.of("contact.not_found", 12)`."""
        return cls(code=code, params=params)


class StorageError(LavkaError):
    """The database file cannot be opened, created or upgraded."""


class NotFound(LavkaError):
    """A record that the caller named does not exist (any more)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with input: where (field, optional line) and why.

    `code` and `params` say it as data ("task.title_empty", ()), for the window and the
    command line to put in the person's language (services/messages.py); `message` is the
    English sentence, made from the code."""

    field: str
    message: str = ""
    line: int | None = None  # 1-based line of an order, or row of an import
    code: str | None = None
    params: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.code is not None:
            object.__setattr__(self, "params", messages.params_of(self.params))
            if not self.message:
                object.__setattr__(self, "message", messages.text(self.code, self.params))

    @classmethod
    def of(cls, field: str, code: str, *params: object, line: int | None = None) -> Problem:
        """`Problem.of("price", "money.not_number", Label("Price"), "abc", line=3)`."""
        return cls(field, line=line, code=code, params=messages.params_of(params))

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line is not None else self.message


class ValidationError(LavkaError):
    """Input was refused; nothing was written. Carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def of(  # type: ignore[override]  # a validation error names its field before its code
        cls, field: str, code: str, *params: object, line: int | None = None
    ) -> Self:
        return cls(Problem.of(field, code, *params, line=line))

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


class DuplicatePhone(ValidationError):
    """Another contact already has this phone; the message names that contact."""

    def __init__(self, phone: str, existing_id: int, existing_name: str) -> None:
        self.phone = phone
        self.existing_id = existing_id
        self.existing_name = existing_name
        super().__init__(Problem.of("phone", "phone.taken", phone, existing_name, existing_id))


Theirs = TypeVar("Theirs")


class EditConflict(LavkaError, Generic[Theirs]):
    """Someone else saved the record after it was opened here (its version moved on), so this
    save was refused and nothing was written. `kind` is "contact" or "order", `record_id` the
    record's id, and `theirs` the record as saved now (a ContactView or an OrderView), with the
    version a save that overwrites it gives."""

    def __init__(self, *, kind: str, record_id: int, theirs: Theirs) -> None:
        self.kind = kind
        self.record_id = record_id
        self.theirs = theirs
        super().__init__(code="edit.conflict")


class Cancelled(LavkaError):
    """The person cancelled a long operation; whatever it was writing was discarded."""


class DamagedDatabase(StorageError):
    """An SQLite file that SQLite itself finds damaged (quick_check); Lavka wrote nothing to
    it. Only for real damage: a caller moves the file aside, so a file that is not SQLite's,
    or one merely locked or unreadable, is a plain StorageError instead."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(code="storage.damaged", params=(self.path, reason))


class BackupError(LavkaError):
    """A backup or a restore did not happen; the message says why and what is untouched."""


class NotAllowed(LavkaError):
    """The database refused a manager or a viewer what their role does not allow
    (models/roles.py): said as such, not as the server's words."""
