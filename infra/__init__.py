"""Shared infrastructure at the bottom of the house: stored pages, the caches, the rate limit,
database routing and the PostgreSQL backend, request middleware. It imports no app of the
portal (import-linter holds it to that, see pyproject.toml); what it needs from them, such as
the version of everything public, is named in settings."""
