"""The real bundle: built by installer/build.py with PyInstaller, unpacked from its archive,
and run with an environment that has no Python in it (`make test-dist`, .ci/run)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from services.about import project_version

REPO = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.dist,
    pytest.mark.slow,
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="the archive is built on Linux only"
    ),
]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="`make test-dist` installs PyInstaller")
    where = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, str(REPO / "installer" / "build.py"),
         "--dist", str(where / "dist"), "--work", str(where / "work")],
        check=True,
        timeout=1800,
    )  # fmt: skip
    (archive,) = (where / "dist").glob("lavka-*-linux-*.tar.gz")
    assert archive.name.startswith(f"lavka-{project_version()}-linux-")
    with tarfile.open(archive) as tar:
        tar.extractall(where / "unpacked", filter="tar")
    (folder,) = (where / "unpacked").iterdir()
    return folder


@pytest.fixture
def bare(tmp_path) -> dict[str, str]:
    """An environment with no Python: PATH is an empty folder, no PYTHON* variables, a fresh
    HOME; Qt draws offscreen."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        "PATH": str(empty),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(runtime),
    }
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def run(env: dict[str, str], *command: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        list(command), capture_output=True, text=True, env=env, timeout=timeout, check=False
    )


def test_the_bundle_runs_without_python(unpacked, bare, tmp_path):
    lavka = str(unpacked / "lavka" / "lavka")
    version = run(bare, lavka, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"lavka {project_version()}"

    db = tmp_path / "shop.sqlite3"
    demo = run(bare, lavka, "demo", "--db", str(db))
    assert demo.returncode == 0, demo.stderr
    assert "Demo business written" in demo.stdout
    check = run(bare, lavka, "check", "--db", str(db))
    assert check.returncode == 0 and ": OK (" in check.stdout, check.stderr
    with sqlite3.connect(db) as con:  # the migrations travelled with the bundle
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() is not None
        assert con.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] > 0

    gui = run(bare, lavka, "--db", str(db), "--quit-after", "3")
    assert gui.returncode == 0, gui.stderr
    assert "lavka: window shown" in gui.stderr
    assert "Traceback" not in gui.stderr
    assert list((tmp_path / "backups").glob("lavka-*.sqlite3"))  # the close-time backup

    pdf = tmp_path / "report.pdf"
    report = run(bare, lavka, "report", "--db", str(db), "--format", "pdf", "--out", str(pdf))
    assert report.returncode == 0, report.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and b"DejaVuSans" in pdf.read_bytes()

    # An invoice: num2words' Russian and the demo seller's details; PDFium (printing) travels.
    invoice = tmp_path / "invoice.pdf"
    issued = run(bare, lavka, "document", "invoice", "1", "--db", str(db), "--out", str(invoice))
    assert issued.returncode == 0, issued.stderr
    assert "Invoice No. 1 of" in issued.stdout
    assert invoice.read_bytes().startswith(b"%PDF")
    assert list((unpacked / "lavka" / "_internal").rglob("libpdfium*"))

    # An XLSX read back by the bundle's calamine (a fresh database, created by the import).
    book = tmp_path / "all.xlsx"
    export = run(bare, lavka, "export", "--db", str(db), "--format", "xlsx", "--out", str(book))
    assert export.returncode == 0, export.stderr
    assert list((unpacked / "lavka" / "_internal").glob("python_calamine*"))
    copy = tmp_path / "copy.sqlite3"
    imported = run(bare, lavka, "import", str(book), "--db", str(copy))
    assert imported.returncode == 0, imported.stderr
    assert f"Created a new database at '{copy}'." in imported.stdout
    with sqlite3.connect(db) as one, sqlite3.connect(copy) as other:
        count = "SELECT COUNT(*), SUM(amount) FROM orders"
        assert one.execute(count).fetchone() == other.execute(count).fetchone()


def test_the_archive_installs_and_uninstalls_for_a_user(unpacked, bare):
    home = Path(bare["HOME"])
    data = home / ".local" / "share" / "Lavka"
    data.mkdir(parents=True)
    (data / "lavka.sqlite3").write_bytes(b"Ivan's data")
    env = {**bare, "PATH": "/usr/bin:/bin"}  # the scripts need sh, cp and find; no Python
    installed = run(env, str(unpacked / "install.sh"))
    assert installed.returncode == 0, installed.stderr
    lavka = home / ".local" / "bin" / "lavka"
    version = run(bare, str(lavka), "--version")
    assert version.stdout.strip() == f"lavka {project_version()}", version.stderr
    icons = home / ".local" / "share" / "icons" / "hicolor"
    assert (icons / "256x256" / "apps" / "lavka.png").exists()
    removed = run(env, str(home / ".local" / "opt" / "lavka" / "uninstall.sh"))
    assert removed.returncode == 0, removed.stderr
    assert not lavka.exists() and not (home / ".local" / "opt" / "lavka").exists()
    assert (data / "lavka.sqlite3").read_bytes() == b"Ivan's data"
    assert os.listdir(data) == ["lavka.sqlite3"]


def test_the_bundle_is_trimmed(unpacked):
    """Only the Qt modules Lavka imports, Russian of Qt's own texts, no embedded-screen
    platforms, and no link left pointing at something trimmed away."""
    internal = unpacked / "lavka" / "_internal"
    qt = internal / "PySide6"
    assert {p.name.split(".")[0] for p in qt.glob("Qt*.so")} <= {
        "QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport"
    }  # fmt: skip
    translations = {p.name for p in (qt / "Qt" / "translations").iterdir()}
    assert "qtbase_ru.qm" in translations and "qtbase_de.qm" not in translations
    platforms = {p.name for p in (qt / "Qt" / "plugins" / "platforms").iterdir()}
    assert "libqxcb.so" in platforms and "libqwayland.so" in platforms
    assert not {"libqeglfs.so", "libqvnc.so", "libqlinuxfb.so"} & platforms
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    for resource in ("translations/lavka_ru.qm", "fonts/DejaVuSans.ttf", "icons/lavka-256.png"):
        assert (internal / "resources" / resource).is_file()
