"""Build Lavka's one-folder bundle with PyInstaller and, on Linux, pack the archive.

    .venv/bin/python installer/build.py [--dist DIR] [--work DIR]

(`make dist` runs it.) Linux gives DIR/lavka-<version>-linux-<machine>.tar.gz holding
lavka/ (the bundle), install.sh, uninstall.sh, lavka.desktop and README.txt. Elsewhere it
leaves the bundle in DIR/lavka (and DIR/Lavka.app on macOS); see installer/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.about import project_version  # noqa: E402

README = """Lavka {version}

Install for this user (no root, no Python needed):    ./install.sh
Lavka then appears in the applications menu. To remove it later:
    ~/.local/opt/lavka/uninstall.sh
Your data (the database and its backups, in ~/.local/share/Lavka) is never removed.

To try it without installing:    ./lavka/lavka
"""


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on installer/lavka.spec; the bundle folder it made."""
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(work),
            str(ROOT / "installer" / "lavka.spec"),
        ],
        check=True,
    )  # fmt: skip
    return dist / "lavka"


def pack_linux(bundle: Path, dist: Path, version: str) -> Path:
    """The archive a person unpacks and runs install.sh from."""
    name = f"lavka-{version}-linux-{platform.machine()}"
    stage = dist / name
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(bundle, stage / "lavka", symlinks=True)
    linux = ROOT / "installer" / "linux"
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(linux / script, stage / script)
        os.chmod(stage / script, 0o755)
    shutil.copy2(linux / "lavka.desktop", stage / "lavka.desktop")
    (stage / "README.txt").write_text(README.format(version=version), encoding="utf-8")
    archive = dist / f"{name}.tar.gz"
    partial = archive.with_name(archive.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=9) as tar:
        tar.add(stage, arcname=name)
    partial.replace(archive)
    shutil.rmtree(stage)
    return archive


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    version = project_version()
    bundle = build_bundle(args.dist.resolve(), args.work.resolve())
    print(f"bundle: {bundle} ({size_of(bundle) / 2**20:.0f} MB)")
    if sys.platform.startswith("linux"):
        archive = pack_linux(bundle, args.dist.resolve(), version)
        print(f"archive: {archive} ({archive.stat().st_size / 2**20:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
