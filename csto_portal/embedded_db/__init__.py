"""An embedded PostgreSQL for machines without a database server.

With no ``DATABASE_URL`` the portal runs its own PostgreSQL (the ``pgserver``
wheel) on a Unix socket, its data under ``var/pgdata`` so it survives restarts.
Every process that uses it attaches to the same postmaster; the last one to
exit stops it.

The settings only name this package as the database engine (``base.py``): the
server starts when a process opens its first connection, so importing the
settings (``check``, ``collectstatic``, a test that reads no data) starts nothing.
"""

import atexit
import os
import signal
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse


def database_settings(var_dir: Path) -> dict:
    """Django DATABASES settings for the embedded server kept under ``var_dir``; nothing is started yet."""
    return {"ENGINE": "csto_portal.embedded_db", "NAME": "postgres", "USER": "postgres", "VAR_DIR": str(var_dir)}


def socket_dir(var_dir: Path) -> str:
    """Start (or attach to) the embedded server and return the folder of its Unix socket, the connection's host."""
    if var_dir in _attached:
        return _attached[var_dir]
    var_dir.mkdir(parents=True, exist_ok=True)
    runtime_dir = var_dir / "run"
    runtime_dir.mkdir(mode=0o700, exist_ok=True)
    runtime_dir.chmod(0o700)
    # pgserver keeps its inter-process lock under XDG_RUNTIME_DIR; every process must agree on it.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))

    # Imported only now: pgserver reads XDG_RUNTIME_DIR when it is imported.
    import pgserver

    server = pgserver.get_server(var_dir / "pgdata", cleanup_mode="stop")
    _forget_dead_processes(server)
    # atexit runs handlers last-in first-out, so this runs just before pgserver's own detach.
    atexit.register(_forget_dead_processes, server)
    # pgserver detaches (and the last process stops the server) at exit; a plain SIGTERM would skip that.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    # pgserver puts the socket in the data folder unless that path is too long for a socket's name.
    _attached[var_dir] = parse_qs(urlparse(server.get_uri()).query)["host"][0]
    return _attached[var_dir]


_attached: dict[Path, str] = {}


def _forget_dead_processes(server) -> None:
    """Drop processes that died without detaching from pgserver's list of attached processes.

    pgserver stops the server only when the exiting process is the last one
    listed. A process killed outright (runserver's reloader kills its child
    with SIGKILL) never unlists itself, and the server would then run forever.
    """
    import psutil

    with server._lock:
        attached = server.global_process_id_list
        alive = [pid for pid in attached.get() if psutil.pid_exists(pid)]
        attached.put(alive)
