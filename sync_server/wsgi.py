"""WSGI entry point for external servers.

``gunicorn -c packaging/gunicorn.conf.py sync_server.wsgi:app``

Settings come from the ``TRACETRACK_*`` environment variables (see docs/server-admin.md).
"""

from __future__ import annotations

from sync_server.app import create_app

app = create_app()
