"""Lavka's version, from the one place it is written: pyproject.toml.

An installed Lavka (pip, or the PyInstaller bundle, which carries the package metadata) reads
it from the metadata; a source tree that was never installed reads pyproject.toml itself.
"""

from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def version() -> str:
    try:
        return installed_version("lavka")
    except PackageNotFoundError:
        return project_version()


def project_version(pyproject: Path = PYPROJECT) -> str:
    """The version written in pyproject.toml ("unknown" when it cannot be read)."""
    try:
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"
