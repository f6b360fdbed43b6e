"""A throwaway PostgreSQL cluster for the tests: the server's own binaries, a new data directory in a
temporary folder, a free port on 127.0.0.1; stopped and deleted afterwards.

PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` system user that
Debian's package creates (`runuser`). `python -m tests.postgres_server` (the Makefile's `postgres`
target) installs Debian's `postgresql` when no server is found and apt-get can be used as root;
elsewhere the tests that need PostgreSQL skip, naming what is missing.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SERVER_USER = "postgres"  # who runs the server when the tests run as root
# Durability is of no use to a cluster deleted after the run: skipping it makes every commit cheap.
SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=100")


class Unavailable(RuntimeError):
    """No cluster can be started here; the message says why (a test skips with it)."""


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on the PATH, or Debian's newest /usr/lib/postgresql/<n>/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl", path=str(Path(found).parent)):
        return Path(found).parent
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(debian[-1]).parent if debian else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass
class Cluster:
    directory: Path
    port: int
    run_as: list[str] = field(default_factory=list)  # the command prefix that runs as SERVER_USER
    pg_ctl: Path = Path("pg_ctl")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, str(self.pg_ctl), "-D", str(self.directory / "data"), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
            timeout=60,
        )
        shutil.rmtree(self.directory, ignore_errors=True)


def _as_server_user(directory: Path) -> list[str]:
    """The prefix that runs the server's commands as a user PostgreSQL accepts, owning `directory`."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    try:
        user = pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise Unavailable(f"running as root and there is no {SERVER_USER!r} user to run the server") from None
    if runuser is None:
        raise Unavailable("running as root and runuser is missing (PostgreSQL refuses to run as root)")
    os.chown(directory, user.pw_uid, user.pw_gid)
    return [runuser, "-u", SERVER_USER, "--"]


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise Unavailable(f"{what} failed (exit {done.returncode}): {' / '.join(output)}")


def start() -> Cluster:
    """A new cluster listening on 127.0.0.1 (trust authentication: it lives as long as the test run)."""
    folder = binaries()
    if folder is None:
        raise Unavailable("no PostgreSQL server (initdb, pg_ctl) found: install Debian's postgresql")
    directory = Path(tempfile.mkdtemp(prefix="portalcert-pg-"))
    try:
        run_as = _as_server_user(directory)
        cluster = Cluster(directory, _free_port(), run_as, folder / "pg_ctl")
        data = str(directory / "data")
        initdb = [str(folder / "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync"]
        _run([*run_as, *initdb, "--no-locale", "-E", "UTF8"], "initdb")
        options = " ".join(
            [f"-p {cluster.port}", "-c listen_addresses=127.0.0.1", f"-c unix_socket_directories={directory}"]
            + [f"-c {setting}" for setting in SETTINGS]
        )
        log = str(directory / "server.log")
        pg_ctl = [str(cluster.pg_ctl), "-D", data, "-l", log, "-o", options, "-w"]
        _run([*run_as, *pg_ctl, "start"], "pg_ctl start")
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return cluster


def install() -> int:
    """Make sure a server can be started: found, or Debian's package installed (as root, with apt-get)."""
    if binaries() is not None:
        print(f"portalcert: PostgreSQL tests use {binaries()}", file=sys.stderr)
        return 0
    if shutil.which("apt-get") and os.geteuid() == 0:
        apt = ["apt-get", "-o", "quiet=2"]
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in ([*apt, "update"], [*apt, "install", "-y", "--no-install-recommends", "postgresql"]):
            print("portalcert: " + " ".join(command), file=sys.stderr, flush=True)
            if subprocess.run(command, env=env, check=False).returncode != 0:
                break
        if binaries() is not None:
            return 0
    # Not an error: the tests that need PostgreSQL skip and say why.
    print("portalcert: no PostgreSQL server; its tests will be skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(install())
