"""The data version: one number, shared by every app server, that changes whenever any record changes.

Cached pages are kept under it (``csto_portal.response_cache``), so a write makes every cached page unreachable at
once, and nothing has to know which pages a record appears on.

It lives in PostgreSQL, not in the cache, because the default cache is per process and every gunicorn worker must
see a write at once. A statement-level trigger on every table of the portal's records bumps it: unlike
``post_save`` signals, it also sees ``QuerySet.update()``, ``bulk_create()``, raw SQL and ``psql``, and it bumps in
the same transaction as the write, so no reader sees the new version before the data it stands for.
"""

from django.apps import apps
from django.core.cache import caches
from django.db import connections

from csto_portal.roles import CONTENT_APPS

VERSION_TABLE = "csto_portal_dataversion"
# As long as a cached page (``csto_portal.response_cache``): a figure of an old version is never read again.
CACHED_TIMEOUT = 60 * 60
BUMP_FUNCTION = "csto_bump_data_version"
TRIGGER = "csto_bump_data_version"

# Never below the clock in microseconds: should the row be lost (a restored or truncated table), a version is
# not handed out again while a shared cache may still hold pages under it.
CREATE_BUMP_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {BUMP_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {VERSION_TABLE} (id, value) VALUES (1, floor(extract(epoch FROM clock_timestamp()) * 1000000))
    ON CONFLICT (id) DO UPDATE SET value = greatest({VERSION_TABLE}.value + 1, EXCLUDED.value);
    RETURN NULL;
END
$$
"""
READ_VERSION = f"SELECT value FROM {VERSION_TABLE} WHERE id = 1"
CREATE_TRIGGER = (
    "CREATE OR REPLACE TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
    "FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
)


def content_tables() -> list[str]:
    """Every table whose rows a public page or API response may show, many-to-many tables included."""
    tables = []
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            opts = model._meta
            if opts.db_table == VERSION_TABLE:
                continue
            if opts.managed and not opts.proxy:
                tables.append(opts.db_table)
    return sorted(set(tables))


def install_triggers(using: str = "default"):
    """Make every records' table bump the version; safe to repeat, and repeated after every ``migrate``."""
    connection = connections[using]
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        if VERSION_TABLE not in existing:
            return
        cursor.execute(CREATE_BUMP_FUNCTION)
        for table in content_tables():
            if table in existing:
                cursor.execute(
                    CREATE_TRIGGER.format(
                        trigger=connection.ops.quote_name(TRIGGER),
                        table=connection.ops.quote_name(table),
                        function=BUMP_FUNCTION,
                    )
                )


def current(using: str = "default") -> int:
    """The version now: one primary-key read, made for every anonymous page view."""
    connection = connections[using]
    connection.ensure_connection()
    # The driver's cursor rather than Django's: this runs before every cached page, where Django's wrapper would
    # be a third of its cost. The error wrapper still marks a broken connection, so that it is replaced.
    with connection.wrap_database_errors, connection.connection.cursor() as cursor:
        cursor.execute(READ_VERSION)
        row = cursor.fetchone()
    return row[0] if row else 0


def cached(name: str, compute, using: str = "default"):
    """``compute()``, worked out once per data version: for figures that read whole tables, such as counts."""
    return caches["default"].get_or_set(f"{name}:{current(using)}", compute, CACHED_TIMEOUT)
