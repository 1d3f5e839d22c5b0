"""Serve the Chalice app (and, at the same origin, the residents' pages in web/)."""

from __future__ import annotations

from pathlib import Path

from chalice.config import Config
from chalice.local import LocalDevServer, create_local_server

ROOT = Path(__file__).resolve().parent.parent


def make_server(port: int, host: str = "127.0.0.1") -> LocalDevServer:
    from app import app

    config = Config.create(chalice_stage="dev", app_name=app.app_name, chalice_app=app, project_dir=str(ROOT))
    return create_local_server(app, config, host, port)
