"""One database per scale on the portal's PostgreSQL server, made once and reused while its recipe is unchanged.

The recipe's fingerprint (generator version and source, the factor, every migration and every dataset file) is
stored as the database's COMMENT; a database whose comment differs is dropped and made again. The ×1 database
is migrated and loaded with the real dataset; every larger one is a copy of it (CREATE DATABASE … TEMPLATE,
far faster than migrating again) multiplied by the generator.
"""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
from psycopg2 import sql

from bench import generate

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "csto_bench_x"


def database_name(factor: int) -> str:
    return f"{PREFIX}{factor}"


def fingerprint(factor: int) -> str:
    """What the database was made from; any change to it means the data would come out differently."""
    digest = hashlib.sha256()
    inputs = [Path(generate.__file__), *sorted(ROOT.glob("*/migrations/*.py")), *sorted(ROOT.glob("dataset/*.yaml"))]
    for path in inputs:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return f"csto-bench generator v{generate.GENERATOR_VERSION} factor {factor} inputs {digest.hexdigest()[:16]}"


def server_connection(settings_database: dict):
    """An autocommit connection to the server's maintenance database, for CREATE and DROP DATABASE."""
    connection = psycopg2.connect(
        dbname="postgres",
        user=settings_database.get("USER") or None,
        password=settings_database.get("PASSWORD") or None,
        host=settings_database.get("HOST") or None,
        port=settings_database.get("PORT") or None,
    )
    connection.autocommit = True
    return connection


def stored_fingerprint(connection, name: str) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def manage(*args: str, database: str, env: dict | None = None) -> None:
    """Run a manage.py command against one scale's database, with the benchmark's settings."""
    environment = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-not-secret",
        **(env or {}),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE": database,
    }
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], check=True, cwd=ROOT, env=environment)


def ensure_database(connection, factor: int, log=print) -> str:
    """The name of the database holding ``factor`` × the real dataset, making it first if needed."""
    name = database_name(factor)
    wanted = fingerprint(factor)
    if stored_fingerprint(connection, name) == wanted:
        log(f"  {name}: reusing (made by the same generator and inputs)")
        return name
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if factor == 1:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        else:
            template = ensure_database(connection, 1, log)
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
            )
    if factor == 1:
        manage("migrate", "--noinput", "--verbosity", "0", database=name)
        manage("load_csto", database=name)
    manage("bench_generate", str(factor), database=name)
    with connection.cursor() as cursor:
        # Written last, so that a run stopped half way leaves a database that the next run makes again.
        cursor.execute(sql.SQL("COMMENT ON DATABASE {} IS %s").format(sql.Identifier(name)), [wanted])
    log(f"  {name}: made in {time.monotonic() - started:.0f} s")
    return name
