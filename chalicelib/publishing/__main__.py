"""Publish or republish months from the command line, with a progress bar per month.

    python -m chalicelib.publishing 2026-10                 one month
    python -m chalicelib.publishing 2026-01 --to 2026-10    a backfill, oldest first

It runs against whatever the environment names (MULIN_TABLE, MULIN_PUBLIC_BUCKET, AWS
credentials), as the scheduled function does; `python -m local_stack.publish` runs it
against the stack that `make run` started.
"""

from __future__ import annotations

import argparse
import sys

from chalicelib.errors import MulinError


def main(argv: list[str] | None = None) -> int:
    from tqdm import tqdm

    from chalicelib.publishing import months, service

    parser = argparse.ArgumentParser(prog="python -m chalicelib.publishing", description=__doc__.splitlines()[0])
    parser.add_argument("month", help="yyyy-mm (Shanghai time)")
    parser.add_argument("--to", metavar="MONTH", help="publish every month from MONTH to this one, inclusive")
    args = parser.parse_args(argv)
    try:
        wanted = months.span(args.month, args.to or args.month)
        for month in wanted:
            months.requested(month)
    except (months.MonthError, MulinError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not wanted:
        print("error: --to is before the first month", file=sys.stderr)
        return 2
    for month in wanted:
        with tqdm(desc=month, unit=" records", file=sys.stderr) as bar:
            manifest = service.publish(month, progress=bar.update)
        print(f"{month}: {len(manifest['files'])} files, manifest summaries/{month}/manifest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
