"""One-off data migrations, run by hand (python -m chalicelib.migrations)."""
