"""The layers keep to themselves: no private names borrowed across modules, no import hidden in
a function to dodge a cycle below ui/, and no Qt below ui/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OURS = ("models", "services", "ui")


def modules(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py"))


def imports(path: Path) -> list[tuple[ast.ImportFrom | ast.Import, bool]]:
    """Every import of the file, with whether it sits inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[ast.ImportFrom | ast.Import, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.append((child, in_function))
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            visit(child, inner)

    visit(tree, False)
    return found


def ours(node: ast.ImportFrom | ast.Import) -> bool:
    names = (
        [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
    )
    return any(name.split(".")[0] in OURS for name in names)


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{node.lineno}"


def test_no_module_imports_another_modules_private_names():
    """Neither our code, app.py nor the tests (which share helpers) borrow a `_private` name."""
    borrowed = [
        f"{where(path, node)} {alias.name}"
        for path in [*modules(*OURS, "tests"), ROOT / "app.py"]
        for node, _inside in imports(path)
        if isinstance(node, ast.ImportFrom) and (ours(node) or shared_by_tests(node))
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert borrowed == []


def shared_by_tests(node: ast.ImportFrom) -> bool:
    return (node.module or "").split(".")[0] in ("tests", "app")


def test_models_and_services_import_our_modules_at_the_top():
    """A function-local import of our own code below ui/ is how a cycle hides; third-party
    libraries loaded late (reportlab, matplotlib, openpyxl) are fine."""
    hidden = [
        where(path, node)
        for path in modules("models", "services")
        for node, inside in imports(path)
        if inside and ours(node)
    ]
    assert hidden == []


def test_no_qt_below_ui():
    qt = [
        where(path, node)
        for path in modules("models", "services")
        for node, _inside in imports(path)
        if any(
            name.startswith(("PySide6", "shiboken6"))
            for name in (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
            )
        )
    ]
    assert qt == []


def test_every_type_ignore_names_its_error_and_says_why():
    """mypy runs in `make test`: a silenced error names its code and carries its reason."""
    justified = re.compile(r"# type: ignore\[[\w-]+(, ?[\w-]+)*\]  # \S")
    bare = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in [*modules(*OURS, "tests", "installer"), ROOT / "app.py"]
        if path != Path(__file__).resolve()  # this test's own pattern
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "# type: ignore" in line and not justified.search(line)
    ]
    assert bare == []
