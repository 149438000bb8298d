"""Pure rules shared by the station and the sync server.

Nothing here imports Qt, Flask, SQLAlchemy or a network library (an import-linter
contract in ``pyproject.toml`` holds that), so both sides enforce the same rules.
"""
