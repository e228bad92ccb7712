"""One database per scale on the portal's PostgreSQL server, made once and reused while its recipe is unchanged.

The recipe's fingerprint (generator version and source, the factor, every migration and every dataset file) is
stored as the database's COMMENT; a database whose comment differs is dropped and made again. The ×1 database
is migrated and loaded with the real dataset; every larger one is a copy of it (CREATE DATABASE … TEMPLATE,
far faster than migrating again) multiplied by the generator.
"""

import contextlib
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
from django.db import connections
from psycopg2 import sql

from bench import generate

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "csto_bench_x"
# Python prepares rows while PostgreSQL computes search vectors and indexes: two generators keep both cores busy.
GENERATOR_PROCESSES, PARALLEL_FROM = 2, 1000


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


def server_connection(dbname: str = "postgres"):
    """An autocommit connection to the portal's server (its maintenance database by default, for CREATE and DROP).

    The parameters come from Django's own connection, which starts the embedded server when that is the one."""
    connection = psycopg2.connect(**{**connections["default"].get_connection_params(), "dbname": dbname})
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


def manage_command(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), *args]


def manage_environment(database: str) -> dict:
    """The benchmark's settings, pointed at one scale's database."""
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-secret-key-not-used-anywhere-else",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE": database,
    }


def manage(*args: str, database: str) -> None:
    """Run a manage.py command against one scale's database."""
    subprocess.run(manage_command(*args), check=True, cwd=ROOT, env=manage_environment(database))


def generate_data(factor: int, database: str) -> None:
    """Multiply the database's data; large factors in two processes side by side, one per core."""
    parts = GENERATOR_PROCESSES if factor >= PARALLEL_FROM else 1
    if parts == 1:
        manage("bench_generate", str(factor), database=database)  # it analyzes the database itself
        return
    environment = manage_environment(database)
    processes = [
        subprocess.Popen(
            manage_command("bench_generate", str(factor), f"--part={index}/{parts}"), cwd=ROOT, env=environment
        )
        for index in range(1, parts + 1)
    ]
    if any([process.wait() for process in processes]):
        raise RuntimeError(f"Generating ×{factor} failed; see the output above.")
    connection = server_connection(database)
    with connection.cursor() as cursor:
        # Fresh planner statistics and visibility map, as a database kept by autovacuum would have.
        cursor.execute("VACUUM (ANALYZE)")
    connection.close()


def ensure_database(factor: int, log=print) -> str:
    """The name of the database holding ``factor`` × the real dataset, making it first if needed."""
    with contextlib.closing(server_connection()) as connection:
        return _ensure_database(connection, factor, log)


def _ensure_database(connection, factor: int, log) -> str:
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
            template = _ensure_database(connection, 1, log)
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
            )
    if factor == 1:
        manage("migrate", "--noinput", "--verbosity", "0", database=name)
        manage("load_csto", database=name)
    generate_data(factor, name)
    with connection.cursor() as cursor:
        # Written last, so that a run stopped half way leaves a database that the next run makes again.
        cursor.execute(sql.SQL("COMMENT ON DATABASE {} IS %s").format(sql.Identifier(name)), [wanted])
    log(f"  {name}: made in {time.monotonic() - started:.0f} s")
    return name
