"""Every sentence a service says is a code in the catalogue (services/messages.py), so the
window and the command line can say it in Russian; no service raises finished English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from services import errors, messages
from services.errors import NotFound, Problem, ValidationError
from services.files import REASONS
from services.messages import Label
from ui.messages import error_text, problem_text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "services").rglob("*.py")) + sorted((ROOT / "models").rglob("*.py"))
WINDOW = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py"))]
CODE = re.compile(r"[a-z_]+(\.[a-z_0-9]+)+")
# Errors that are a programmer's mistake, never shown to a person as such.
PROGRAMMING = {"ValueError", "TypeError", "KeyError", "RuntimeError", "AssertionError"}
PERSON_ERRORS = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.LavkaError)
} | {"ImportRejected", "ImportFileError"}


def _calls(paths=SOURCES):
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                yield path.relative_to(ROOT), node


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _owner(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id
    return ""


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def test_no_service_raises_a_finished_sentence():
    """A person's error is made from a code: `X.of(code, …)` or `X(code=…)`, never
    `X("English …")`, `ValidationError.single(…)` or `Problem(field, "English …")` — in the
    services, and in the window and the command line that raise theirs too."""
    found = []
    for where, call in _calls(SOURCES + WINDOW):
        name, owner = _name(call.func), _owner(call.func)
        if name == "single" and owner == "ValidationError":
            found.append(f"{where}:{call.lineno} ValidationError.single")
        elif name in PERSON_ERRORS and call.args and _is_text(call.args[0]):
            found.append(f"{where}:{call.lineno} {name}(text)")
        elif name == "Problem" and len(call.args) > 1 and _is_text(call.args[1]):
            found.append(f"{where}:{call.lineno} Problem(field, text)")
    assert found == []


# The calls that take a code: X.of(…), Rejection.of(…), a sheet's refuse(…), messages.text.
CODE_TAKERS = {"of", "_refuse", "refuse", "text"}


def _used_codes() -> set[tuple[str, str]]:
    codes = set()
    for path in SOURCES:  # codes kept in a table: {ValidationResult.TOO_SHORT: "phone.too_short"}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for value in node.values:
                    text = value.value if isinstance(value, ast.Constant) else None
                    if isinstance(text, str) and CODE.fullmatch(text):
                        codes.add((str(path.relative_to(ROOT)), text))
    for where, call in _calls():
        texts = [
            k.value.value
            for k in call.keywords
            if k.arg == "code" and isinstance(k.value, ast.Constant)
        ]
        if _name(call.func) in CODE_TAKERS:
            texts += [a.value for a in call.args if isinstance(a, ast.Constant)]
        for text in texts:
            if isinstance(text, str) and CODE.fullmatch(text):
                codes.add((str(where), text))
        second = call.args[1] if len(call.args) > 1 else None
        if isinstance(second, ast.Constant) and isinstance(second.value, str):
            if _name(call.func) == "failure":  # a code per reason: "backup.failed.disk_full"
                codes |= {(str(where), f"{second.value}.{reason}") for reason in REASONS}
            elif _name(call.func) == "refused":  # an import file's: "import.file.<what>"
                codes.add((str(where), f"import.file.{second.value}"))
    return codes


def test_every_code_a_service_uses_has_its_sentence():
    used = _used_codes()
    assert len(used) > 40  # the scan finds them
    missing = sorted(f"{where}: {code}" for where, code in used if code not in messages.TEXTS)
    assert missing == []


def test_every_label_is_marked_for_translation():
    labels = set()
    for _where, call in _calls():
        if _name(call.func) == "Label" and call.args and isinstance(call.args[0], ast.Constant):
            labels.add(call.args[0].value)
    assert labels, "no Label found: the scan is broken"
    assert sorted(labels - set(messages.LABELS)) == []


def test_an_error_made_from_a_code_reads_in_english_and_keeps_its_parameters():
    error = NotFound.of("contact.not_found", 12)
    assert (error.code, error.params) == ("contact.not_found", ("12",))
    assert str(error) == "Contact #12 does not exist (any more)."
    problem = Problem.of("price", "list.name_too_long", Label("Name"), 3, line=4)
    assert problem.params == ("Name", "3") and isinstance(problem.params[0], Label)
    assert str(problem) == "Line 4: Name 'Name' is longer than 3 characters."


@pytest.fixture
def russian():
    """A translate function over the shipped Russian catalogue."""
    from ui.translation import catalogue_translate

    return catalogue_translate("ru")


def test_a_problem_and_its_label_read_in_russian(russian):
    problem = Problem.of("name", "list.name_required", line=2)
    assert problem_text(problem, russian) == "Строка 2: Введите название."
    error = ValidationError.of("file", "import.no_sheet")
    assert error_text(error, russian) == "В файле нет листа с данными."
    assert messages.fill("%1", (Label("Price"),), russian) == "Цена"


def test_every_text_of_the_report_files_and_charts_is_marked():
    """The report's PDF, XLSX and charts say only texts in report_export.TEXTS (which the
    translation covers): a text added to them without its mark fails here."""
    from services import report_export

    said = set()
    for name in ("report_export.py", "report_charts.py"):
        tree = ast.parse((ROOT / "services" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _name(node.func) in {"label", "tr"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                said.add(node.args[0].value)
    assert "Nothing sold in this period." in said  # the scan finds them
    assert sorted(said - set(report_export.TEXTS)) == []


def test_an_error_says_its_cause_when_the_cause_says_why():
    from services.errors import BackupError

    why = BackupError.of("backup.failed.disk_full", "/media/stick")
    try:
        try:
            raise why
        except BackupError as error:
            raise BackupError.of("restore.not_saved_aside", "b.sqlite3", "/media/stick") from error
    except BackupError as error:
        said = error_text(error, messages.english)
    assert said == (
        "'b.sqlite3' was not restored: the current database could not be saved aside into "
        "'/media/stick' first, and it was not changed. The backup to '/media/stick' failed: "
        "no space left on the device. Older backups there are untouched."
    )
