"""One-off data migrations, run by hand from a checkout (python -m migrations).

They live beside chalicelib, not in it: a backfill reads the whole table with a Scan, which
no request or publication may do, and the Lambda bundle has no use for them.
"""
