"""Settings for the CSTO Portal, read from the environment.

Defaults suit a laptop: debug on, an embedded PostgreSQL under var/. In
production set DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from import_export.formats.base_formats import CSV, JSON

from csto_portal.embedded_db import database_settings

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Core

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable (a long random string) when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

ROOT_URLCONF = "csto_portal.site.urls"
WSGI_APPLICATION = "csto_portal.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Applications

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "reversion",
    "import_export",
    "csto_portal",
    "organs",
    "treaties",
    "operations",
    "csto_portal.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Before sessions, authentication and messages, so that a cached page costs none of their work.
    "csto_portal.response_cache.ResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every GET, and 304 Not Modified when the client already has that version.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: PostgreSQL only, either the server named by DATABASE_URL or an embedded one.

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")))}
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://user@host:port/name).")
else:
    DATABASES = {"default": database_settings(BASE_DIR / "var")}

if os.environ.get("TEST_DATABASE_NAME"):
    # Lets several test runs share one server without dropping each other's test database.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

# Cache (anonymous readers' pages and throttling counts live here): local memory unless CACHE_URL names a Redis
# server. Pages are kept under the data version, so every write makes them stale at once (csto_portal.data_version);
# RESPONSE_CACHE=off serves every page fresh.

# Room for every page and API response of the site (most are under 30 kB); the least used go first.
LOCAL_MEMORY_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["CACHE_URL"]}
    if os.environ.get("CACHE_URL")
    else LOCAL_MEMORY_CACHE,
    # Each worker's copy of the responses it served lately, in front of a shared Redis: a response's key holds
    # the data version, so a copy is never stale and needs no invalidating.
    "worker": {**LOCAL_MEMORY_CACHE, "LOCATION": "worker"},
}
RESPONSE_CACHE = env_bool("RESPONSE_CACHE", True)

# REST API

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "csto_portal.api.base.UpdatedSinceFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "csto_portal.api.base.Pagination",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "csto_portal.api.base.PaginatedCSVRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "600/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "csto_portal.api.errors.exception_handler",
    "DEFAULT_VERSIONING_CLASS": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "CSTO Portal API",
    "DESCRIPTION": (
        "The Collective Security Treaty Organization's organs, member states, treaties, operations and partners, "
        "every fact with its sources. Anyone may read; writes need a token of a user allowed to make them."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One named enum per choice set, so that generated clients get readable types.
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "csto_portal.dates.DatePrecision",
        "SourceKindEnum": "csto_portal.models.SourceKind",
        "OrganKindEnum": "organs.choices.OrganKind",
        "OrganRelationKindEnum": "organs.choices.OrganRelationKind",
        "MembershipStatusEnum": "organs.choices.MembershipStatus",
        "PartnerKindEnum": "organs.choices.PartnerKind",
        "PlaceKindEnum": "organs.choices.PlaceKind",
        "InstrumentKindEnum": "treaties.choices.InstrumentKind",
        "InstrumentStatusEnum": "treaties.choices.InstrumentStatus",
        "EventKindEnum": "treaties.choices.EventKind",
        "PartyStatusEnum": "treaties.choices.PartyStatus",
        "InstrumentRelationKindEnum": "treaties.choices.RelationKind",
        "OperationKindEnum": "operations.choices.OperationKind",
        "OperationStatusEnum": "operations.choices.OperationStatus",
        "RecurrenceEnum": "operations.choices.Recurrence",
        "ParticipationRoleEnum": "operations.choices.ParticipationRole",
        "AgencyEnum": "operations.choices.Agency",
        "UnitEnum": "operations.choices.Unit",
        "QualifierEnum": "operations.choices.Qualifier",
        "MeetingKindEnum": "operations.choices.MeetingKind",
        "SessionFormEnum": "operations.choices.SessionForm",
        "RequestKindEnum": "operations.choices.RequestKind",
        "RequestDecisionEnum": "operations.choices.RequestDecision",
        "TimelineKindEnum": "csto_portal.site.timeline.CATEGORY_CHOICES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "csto_portal.api.schema.document_error_responses",
    ],
}

# Bulk import and export in the admin

IMPORT_EXPORT_FORMATS = [CSV, JSON]
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# Browsers on other sites may read the API (not write to it).
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Internationalization

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files, served by WhiteNoise

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security (only strict when served in production)

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Logging: warnings and errors to the console

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
