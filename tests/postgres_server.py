"""A throw-away PostgreSQL cluster for the tests: `initdb` in a temporary folder, `pg_ctl start`
on a free local port, stopped and deleted at the end of the run.

LAVKA_TEST_POSTGRES=postgresql://user@host:port/db names a server to use instead (a role that
may create databases and roles). Without either, the PostgreSQL half of the suite is skipped
with the reason (`unavailable`), never faked.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ENV = "LAVKA_TEST_POSTGRES"
SUPERUSER = "postgres"


def server_folder() -> Path | None:
    """Where initdb and pg_ctl are: on PATH, or Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A cluster of our own, as the current user, or as `postgres` when run as root (initdb
    refuses root)."""

    def __init__(self, folder: Path) -> None:
        self.bin = folder
        self.root = Path(tempfile.mkdtemp(prefix="lavka-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user: str | None = None
        if os.geteuid() == 0:
            self.user = SUPERUSER
            owner = pwd.getpwnam(SUPERUSER)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        subprocess.run(
            [*prefix, *command], check=True, capture_output=True, text=True, cwd=self.root
        )

    def start(self) -> str:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            SUPERUSER,
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c max_connections=200"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "start",
        )
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def unavailable() -> str | None:
    """Why no throw-away cluster can be started here, or None when one can."""
    if os.environ.get(ENV):
        return None
    if server_folder() is None:
        return (
            "PostgreSQL's server programs (initdb, pg_ctl) are not installed"
            f" (Debian: apt-get install postgresql), and {ENV} names no server"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SUPERUSER)
        except KeyError:
            return f"running as root, and there is no '{SUPERUSER}' user to run initdb as"
    return None
