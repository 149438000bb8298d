"""The Admin tab's pages: users, stations, areas, code rules, the audit log (one module each)."""
