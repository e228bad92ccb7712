"""The database engine of the embedded server: Django's PostgreSQL backend, which starts the server first."""

from pathlib import Path

from django.db.backends.postgresql import base

from csto_portal.embedded_db import socket_dir


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        params["host"] = socket_dir(Path(self.settings_dict["VAR_DIR"]))
        return params
