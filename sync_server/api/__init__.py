"""HTTP layer: routes parse, call one service, serialise. Flask lives only here and in app.py."""
