"""The portal's own settings, plus what only the benchmark needs.

Everything the portal reads from the environment (DEBUG, SECRET_KEY, DATABASE_URL …) still applies; the
benchmark runner sets DEBUG=false and a SECRET_KEY so that gunicorn serves the portal as in production.
"""

import os

from csto_portal.settings import *  # noqa: F403
from csto_portal.settings import DATABASES, INSTALLED_APPS, MIDDLEWARE, REST_FRAMEWORK

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
# Queries per request, read from a response header of the very server being measured.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
# The portal's URLs plus the framework floor (bench/urls.py); the production urlconf never carries the floor.
ROOT_URLCONF = "bench.urls"

# Each scale lives in its own database on the same server (embedded or DATABASE_URL).
if os.environ.get("BENCH_DATABASE"):
    DATABASES["default"]["NAME"] = os.environ["BENCH_DATABASE"]
# The embedded server's settings close the connection after each request; production (DATABASE_URL) keeps it,
# and so must a benchmark of production.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))

# The load tool sends everything from one address; a per-second rate keeps the throttle's cache round trip on
# every request (as in production) while never refusing the benchmark, and keeps its history list short.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "1000000/second")},
}
