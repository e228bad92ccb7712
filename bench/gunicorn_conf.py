"""gunicorn settings of the benchmark's portal server (the command line gives bind, workers and the rest)."""


def post_worker_init(worker):
    """Warm what a worker that has served for a while holds, so that every sampled request is a steady one.

    A production worker keeps its database connection open (PostgreSQL's type handlers registered on it) and its
    content types cached. A fresh one runs a few extra queries on its first requests, and which of the two
    workers answers a sampled request is chance.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    connection.ensure_connection()
    ContentType.objects.get_for_models(*apps.get_models())
