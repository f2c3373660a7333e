"""The README's layout tables name every package and module of models/, services/ and ui/, and
nothing that is not there: a newcomer reads the layout from them."""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def layout_names() -> dict[str, set[str]]:
    """The names in backticks of each layout table, by the folder its table describes."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Layout\n") :]
    section = section[: section.find("\n## ", 1)] if "\n## " in section[1:] else section
    tables: dict[str, set[str]] = {}
    folder = ""
    for line in section.splitlines():
        heading = re.match(r"`(models|services|ui)/`", line)
        if heading and not line.startswith("|"):
            folder = heading.group(1)
        elif line.startswith("|") and folder:
            cell = line.split("|")[1]
            tables.setdefault(folder, set()).update(re.findall(r"`([^`]+)`", cell))
    return tables


def parts(folder: str) -> set[str]:
    """Each module of the folder (`name.py`) and each folder of code in it (`name/`)."""
    base = ROOT / folder
    modules = {p.name for p in base.glob("*.py") if p.name != "__init__.py"}
    packages = {f"{p.name}/" for p in base.iterdir() if p.is_dir() and any(p.glob("*.py"))}
    return modules | packages


def test_the_layout_tables_name_every_module_and_package_and_only_those():
    tables = layout_names()
    assert set(tables) == {"models", "services", "ui"}
    for folder, names in tables.items():
        present = parts(folder)
        unnamed = {p for p in present if not any(fnmatch(p, n) for n in names)}
        stale = {n for n in names if not any(fnmatch(p, n) for p in present)}
        assert (folder, unnamed, stale) == (folder, set(), set())
