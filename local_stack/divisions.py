"""Read the Shanghai division registry shipped in data/shanghai/ (source: its README)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from chalicelib.divisions.models import Division
from chalicelib.divisions.rules import CITY_CODE

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "shanghai"


def _rows(name: str) -> Iterator[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def shanghai_divisions() -> Iterator[Division]:
    yield Division(code=CITY_CODE, name="上海市", level="city", kind="直辖市", is_administrative=True, parent_code=None)
    for row in _rows("districts.csv"):
        yield Division(code=row["code"], name=row["name"], level="district", kind="区",
                       is_administrative=True, parent_code=CITY_CODE)
    for row in _rows("streets.csv"):
        yield Division(code=row["code"], name=row["name"], level="street", kind=row["type"],
                       is_administrative=row["is_admin_township"] == "1", parent_code=row["district_code"])
    for row in _rows("committees.csv"):
        yield Division(code=row["code"], name=row["name"], level="committee", kind=row["type"],
                       is_administrative=row["type"] != "虚拟社区", parent_code=row["street_code"])
