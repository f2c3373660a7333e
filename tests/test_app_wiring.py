"""app.py is wiring: arguments → database → services → the window or a command. Start-up and
recovery live in ui/startup/ (their policy in services/startup.py), so app.py holds no class
and no long function."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"
LONGEST = 30  # lines, from `def` to the function's last line


def tree() -> ast.Module:
    return ast.parse(APP.read_text(encoding="utf-8"), str(APP))


def test_app_has_no_class():
    classes = [node.name for node in ast.walk(tree()) if isinstance(node, ast.ClassDef)]
    assert classes == []


def test_no_function_of_app_is_longer_than_30_lines():
    functions = [
        node
        for node in ast.walk(tree())
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    assert {f.name for f in functions} >= {"main", "build_parser"}  # the check sees them
    long = {
        f.name: f.end_lineno - f.lineno + 1
        for f in functions
        if f.end_lineno is not None and f.end_lineno - f.lineno + 1 > LONGEST
    }
    assert long == {}


def test_the_measure_counts_from_def_to_the_last_line():
    """The count the test above relies on: a three-line function is three lines."""
    source = "def f(x):\n    y = x\n    return y\n"
    (function,) = ast.parse(source).body
    assert isinstance(function, ast.FunctionDef)
    assert function.end_lineno is not None
    assert function.end_lineno - function.lineno + 1 == 3
