"""An embedded PostgreSQL for machines without a database server.

With no ``DATABASE_URL`` the portal runs its own PostgreSQL (the ``pgserver``
wheel) on a Unix socket, its data under ``var/pgdata`` so it survives restarts.
Every process that uses it attaches to the same postmaster; the last one to
exit stops it.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse


def embedded_database(var_dir: Path) -> dict:
    """Start (or attach to) the embedded server and return Django DATABASES settings for it."""
    var_dir.mkdir(parents=True, exist_ok=True)
    runtime_dir = var_dir / "run"
    runtime_dir.mkdir(mode=0o700, exist_ok=True)
    runtime_dir.chmod(0o700)
    # pgserver keeps its inter-process lock under XDG_RUNTIME_DIR; every process must agree on it.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))

    import pgserver

    server = pgserver.get_server(var_dir / "pgdata", cleanup_mode="stop")
    uri = urlparse(server.get_uri())
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": uri.path.lstrip("/"),
        "USER": uri.username,
        "HOST": parse_qs(uri.query)["host"][0],
    }
