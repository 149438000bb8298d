"""Use cases. Each takes a Session, owns its transaction, and imports no Flask."""
