"""install.sh and uninstall.sh, run against a temporary HOME on an archive packed by
installer/build.py around a stand-in bundle (the real bundle is built in tests/test_dist.py)."""

from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("lavka_build", REPO / "installer" / "build.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the Linux install scripts")


def fake_bundle(folder: Path) -> Path:
    """A folder shaped like PyInstaller's: lavka (an executable), _internal/ with the icons."""
    bundle = folder / "lavka"
    icons = bundle / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    for size in (16, 48, 256):
        (icons / f"lavka-{size}.png").write_bytes(b"\x89PNG fake %d" % size)
    program = bundle / "lavka"
    program.write_text('#!/bin/sh\necho "lavka here: $*"\n')
    program.chmod(0o755)
    (bundle / "_internal" / "libfake.so.1").write_bytes(b"lib")
    (bundle / "_internal" / "libfake.so").symlink_to("libfake.so.1")
    return bundle


@pytest.fixture
def unpacked(tmp_path) -> Path:
    """The archive as a person unpacks it: the folder with install.sh."""
    archive = build.pack_linux(fake_bundle(tmp_path / "built"), tmp_path / "dist", "9.8.7")
    assert archive.name.startswith("lavka-9.8.7-linux-") and archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    (folder,) = (tmp_path / "unpacked").iterdir()
    assert "9.8.7" in (folder / "README.txt").read_text()
    return folder


@pytest.fixture
def home(tmp_path) -> Path:
    """Ivan's HOME (with a space in it), his Lavka data, and other programs' menu entries."""
    home = tmp_path / "Ivan Petrov"
    data = home / ".local" / "share" / "Lavka"
    (data / "backups").mkdir(parents=True)
    (data / "lavka.sqlite3").write_bytes(b"SQLite format 3\x00 Ivan's shop")
    (data / "backups" / "lavka-20261120-180000.sqlite3").write_bytes(b"a backup")
    (home / ".config" / "Lavka").mkdir(parents=True)
    (home / ".config" / "Lavka" / "Lavka.conf").write_text("[reports]\nperiod=this_year\n")
    (home / ".local" / "share" / "applications").mkdir(parents=True)
    (home / ".local" / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    other_icon = home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other_icon.parent.mkdir(parents=True)
    other_icon.write_bytes(b"other")
    return home


def files(home: Path) -> dict[str, bytes]:
    """Every file and link under HOME with its contents (a link: its target)."""
    found = {}
    for path in sorted(home.rglob("*")):
        if path.is_symlink():
            found[str(path.relative_to(home))] = os.readlink(path).encode()
        elif path.is_file():
            found[str(path.relative_to(home))] = path.read_bytes()
    return found


def run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    return subprocess.run(
        [str(script), *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_install_puts_program_menu_entry_and_icons_in_place(unpacked, home):
    result = run(unpacked / "install.sh", home)
    assert result.returncode == 0, result.stderr
    app = home / ".local" / "opt" / "lavka"
    assert os.stat(app / "lavka").st_mode & stat.S_IXUSR
    assert (app / "_internal" / "libfake.so").is_symlink()  # links stay links
    link = home / ".local" / "bin" / "lavka"
    assert os.readlink(link) == str(app / "lavka")
    said = subprocess.run([str(link), "--version"], capture_output=True, text=True, check=True)
    assert said.stdout == "lavka here: --version\n"
    desktop = (home / ".local" / "share" / "applications" / "lavka.desktop").read_text()
    assert f'Exec="{app}/lavka"\n' in desktop  # quoted: the HOME has a space
    assert "Icon=lavka\n" in desktop and "Name[ru]=Лавка\n" in desktop
    hicolor = home / ".local" / "share" / "icons" / "hicolor"
    for size in (16, 48, 256):
        icon = hicolor / f"{size}x{size}" / "apps" / "lavka.png"
        assert icon.read_bytes() == b"\x89PNG fake %d" % size
    assert (app / "uninstall.sh").exists()
    listed = (app / "installed-files.txt").read_text().splitlines()
    assert str(link) in listed and str(app / "lavka") in listed
    assert len(listed) == len(set(listed))


def test_uninstall_removes_exactly_what_install_wrote_and_never_the_data(unpacked, home):
    before = files(home)
    assert run(unpacked / "install.sh", home).returncode == 0
    assert run(unpacked / "install.sh", home).returncode == 0  # a reinstall over itself
    installed = files(home)
    assert set(installed) - set(before)  # something was written...
    assert {k: installed[k] for k in before} == before  # ...and nothing of Ivan's changed
    result = run(home / ".local" / "opt" / "lavka" / "uninstall.sh", home)
    assert result.returncode == 0, result.stderr
    assert files(home) == before  # data, settings, other programs' files: all as they were
    assert not (home / ".local" / "opt" / "lavka").exists()
    assert "data" in result.stdout
    again = run(unpacked / "uninstall.sh", home)
    assert again.returncode == 1 and "not installed" in again.stderr


def test_someone_elses_lavka_command_is_left_alone(unpacked, home):
    theirs = home / ".local" / "bin" / "lavka"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("#!/bin/sh\necho another lavka\n")
    result = run(unpacked / "install.sh", home)
    assert result.returncode == 0 and "is not Lavka's" in result.stderr
    assert theirs.read_text() == "#!/bin/sh\necho another lavka\n"
    assert run(home / ".local" / "opt" / "lavka" / "uninstall.sh", home).returncode == 0
    assert theirs.read_text() == "#!/bin/sh\necho another lavka\n"


def test_a_file_the_person_put_in_the_program_folder_is_kept(unpacked, home):
    assert run(unpacked / "install.sh", home).returncode == 0
    note = home / ".local" / "opt" / "lavka" / "my-note.txt"
    note.write_text("keep me")
    assert run(home / ".local" / "opt" / "lavka" / "uninstall.sh", home).returncode == 0
    assert note.read_text() == "keep me"
    assert not (home / ".local" / "opt" / "lavka" / "lavka").exists()


def test_install_refuses_outside_the_unpacked_archive(tmp_path, home):
    lone = tmp_path / "lone"
    lone.mkdir()
    script = lone / "install.sh"
    script.write_bytes((REPO / "installer" / "linux" / "install.sh").read_bytes())
    script.chmod(0o755)
    result = run(script, home)
    assert result.returncode == 1 and "unpacked archive" in result.stderr
    assert not (home / ".local" / "opt").exists()
