"""The database engine of the embedded server: Django's PostgreSQL backend, which starts the server first."""

from pathlib import Path

from django.db.backends.postgresql import base, client

from csto_portal.embedded_db import socket_dir


def _host(settings_dict: dict) -> str:
    return socket_dir(Path(settings_dict["VAR_DIR"]))


class DatabaseClient(client.DatabaseClient):
    """``manage.py dbshell``: psql on the embedded server's socket."""

    def runshell(self, parameters):
        self.connection.settings_dict["HOST"] = _host(self.connection.settings_dict)
        super().runshell(parameters)


class DatabaseWrapper(base.DatabaseWrapper):
    client_class = DatabaseClient

    def get_connection_params(self):
        params = super().get_connection_params()
        params["host"] = _host(self.settings_dict)
        return params
