"""Settings split by environment: base (shared), dev (the demo), test, prod.

Every value that differs between machines comes from an environment variable.
"""
