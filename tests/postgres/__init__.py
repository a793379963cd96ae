"""PostgreSQL for the tests and the team benchmark: a throw-away server (`server.py`)."""
