"""Phone and ID numbers written every way people write them, published through a month: none
reaches any published byte, and a suggestion still holding something nearly a number is held
back rather than published in doubt.

2053 belongs to this module alone.
"""

from __future__ import annotations

import json
import re
import unicodedata

from tests.api.suggestion_helpers import act, submit
from tests.api.test_publication import month_files, run_schedule

MONTH = "2053-03"
# Zero-width characters inside a number are refused at intake already; tests/unit/test_scrub.py
# covers them in the scrubber.
VARIANTS = [
    "139.1234.5678", "1391-234-5678", "身份证号:310101 1990 0101 123X", "139 123 45678", "13912 345678",
    "139/1234/5678", "139_1234_5678", "139,1234,5678", "一三九一二三四五六七八",
    "１３９１２３４５６７８", "3101 0119 9001 0112 3X",
]
NEARLY = "联系 139.1234.567"



def digits_read(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    numerals = dict(zip("〇一二三四五六七八九", "0123456789", strict=True))
    return re.sub(r"[^0-9]", "", "".join(numerals.get(c, c) for c in text))


def test_number_variants_never_reach_a_published_byte_and_near_numbers_are_held_back(client, accounts, at, s3, stack):
    resident, street = accounts["resident"], accounts["street_official"]
    at("2053-03-03T10:00:00")
    content = "楼道灯坏了。" + "；".join(f"王阿姨{variant}" for variant in VARIANTS)
    published = submit(client, resident, category="sanitation", publish_consent=True, title="楼道灯坏了",
                       content=content)
    held = submit(client, resident, category="sanitation", publish_consent=True, title="垃圾点气味大",
                  content=f"建议加盖。{NEARLY}")
    at("2053-03-04T10:00:00")
    for case in (published, held):
        act(client, street, case["id"], "accept")
    at("2053-03-09T10:00:00")
    for case in (published, held):
        act(client, street, case["id"], "reply", {"message": "已安排处理", "adoption": "adopted"})

    at("2053-04-01T01:00:00")
    assert run_schedule(client, "2053-03-31T17:00:00Z")["month"] == MONTH
    files = month_files(s3, stack, MONTH)

    adopted = json.loads(files["summary.json"])["adopted_suggestions"]
    assert [s["tracking_no"] for s in adopted] == [published["tracking_no"]]
    assert adopted[0]["content"].count("〔电话〕") == 9 and adopted[0]["content"].count("〔证件号〕") == 2
    kept = digits_read(adopted[0]["content"])
    for number in ("13912345678", "31010119900101123"):
        for start in range(len(number) - 6):
            assert number[start:start + 7] not in kept
    every_byte = b"".join(files.values()).decode("utf-8")
    for variant in VARIANTS:
        assert unicodedata.normalize("NFKC", variant) not in every_byte and variant not in every_byte
    assert "建议加盖" not in every_byte and "139.1234.567" not in every_byte
