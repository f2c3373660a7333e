"""Domain errors whose message a person can read, naming the field and the value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class LavkaError(Exception):
    """Base for every error Lavka shows to a person.

    The message is English; `code` and `params`, where given, say it as data for the window
    and the command line to put in the person's language (see Problem)."""

    code: str | None = None
    params: tuple[str, ...] = ()

    def __init__(self, message: str = "", code: str | None = None, params: tuple = ()) -> None:
        super().__init__(message)
        if code is not None:
            self.code, self.params = code, tuple(str(p) for p in params)


class StorageError(LavkaError):
    """The database file cannot be opened, created or upgraded."""


class NotFound(LavkaError):
    """A record that the caller named does not exist (any more)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with input: where (field, optional line) and why.

    `code` and `params` say it again as data ("task.title_empty", ()), for the window and the
    command line to put in the person's language (ui/messages.py); `message` is the English
    sentence, kept for logs and for the problems that have no code yet."""

    field: str
    message: str
    line: int | None = None  # 1-based line of an order, or row of an import
    code: str | None = None
    params: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line is not None else self.message


class ValidationError(LavkaError):
    """Input was refused; nothing was written. Carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(
        cls,
        field: str,
        message: str,
        line: int | None = None,
        code: str | None = None,
        params: tuple[str, ...] = (),
    ) -> ValidationError:
        return cls(Problem(field, message, line, code, params))

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


class DuplicatePhone(ValidationError):
    """Another contact already has this phone; the message names that contact."""

    def __init__(self, phone: str, existing_id: int, existing_name: str) -> None:
        self.phone = phone
        self.existing_id = existing_id
        self.existing_name = existing_name
        super().__init__(
            Problem(
                "phone",
                f"Phone {phone} already belongs to contact '{existing_name}' (#{existing_id}).",
            )
        )


class Cancelled(LavkaError):
    """The person cancelled a long operation; whatever it was writing was discarded."""


class DamagedDatabase(StorageError):
    """An SQLite file that SQLite itself finds damaged (quick_check); Lavka wrote nothing to
    it. Only for real damage: a caller moves the file aside, so a file that is not SQLite's,
    or one merely locked or unreadable, is a plain StorageError instead."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(
            f"'{self.path}' cannot be opened as a Lavka database: it is damaged ({reason}). "
            "Lavka did not change it."
        )


class BackupError(LavkaError):
    """A backup or a restore did not happen; the message says why and what is untouched."""
