"""Storage: typed models, engine and session factory. No Flask here."""
