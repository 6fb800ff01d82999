"""PostgreSQL with a health check that costs no round trip (``portal/db/base.py``)."""
