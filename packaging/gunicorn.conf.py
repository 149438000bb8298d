"""Gunicorn config for running the sync server under a plain ``gunicorn`` command:

    gunicorn -c packaging/gunicorn.conf.py sync_server.wsgi:app

Every value comes from ``sync_server/gunicorn_conf.py`` (the same defaults
``tracetrack-server serve`` uses). Override one on the command line, e.g. ``-b 0.0.0.0:8600``
or ``-w 4``, or in the ``GUNICORN_CMD_ARGS`` environment variable; keep this file as it is.
Leave TLS to the reverse proxy: gunicorn's own (``--certfile``) bypasses the guard that keeps
slow clients from holding the worker threads (docs/server-admin.md).
"""

from sync_server.gunicorn_conf import options

# Gunicorn reads a config file's module-level names as its settings.
globals().update(options())
