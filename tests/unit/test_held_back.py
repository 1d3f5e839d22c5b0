"""The gate every published free text passes: scrubbed, or held back and remembered for review."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from chalicelib.publishing.held_back import HELD, PLACEHOLDER, RELEASED, Gate, Source, reasons_of
from chalicelib.scrub import MARKERS, doubtful, scrub

CASE = Source("suggestion", "01CASE", "content", {"tracking_no": "540303-000001", "division": "310110012001"})
NEARLY = "回访 139.1234.567"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def test_a_clear_text_comes_out_scrubbed_and_nothing_is_remembered():
    gate = Gate(digest=digest)
    assert gate.text(CASE, "联系 139 1234 5678") == f"联系 {MARKERS['phone']}"
    assert gate.held == {}


def test_a_doubtful_text_is_held_back_with_where_it_came_from_and_why():
    gate = Gate(digest=digest)
    assert gate.text(CASE, NEARLY) is None
    (record,) = gate.held.values()
    assert record == {"kind": "suggestion", "source_id": "01CASE", "field": "content", "tracking_no": "540303-000001",
                      "division": "310110012001", "reasons": ["phone"], "excerpt": "回访 139*****67",
                      "digest": digest(scrub(NEARLY)), "status": HELD}
    assert gate.withheld() == [record]
    assert [reason["kind"] for reason in reasons_of(record)] == ["phone"]


def test_a_title_held_back_reads_as_the_placeholder():
    gate = Gate(digest=digest)
    assert gate.title(Source("round", "01ROUND", "title"), f"=HYPERLINK(1) {NEARLY}") == PLACEHOLDER
    assert gate.title(Source("round", "01ROUND2", "title"), "=HYPERLINK(1) 控江路") == "=HYPERLINK(1) 控江路"


def test_a_release_lets_out_that_very_text_and_no_other():
    released = {CASE.key: digest(scrub(NEARLY))}
    gate = Gate(digest=digest, released=released)
    assert gate.text(CASE, NEARLY) == scrub(NEARLY)
    assert gate.held[CASE.key]["status"] == RELEASED and gate.withheld() == []
    # The same words already masked are the same text; another number under the source is not.
    assert Gate(digest=digest, released=released).text(CASE, scrub(NEARLY)) == scrub(NEARLY)
    assert Gate(digest=digest, released=released).text(CASE, "回访 139.1234.568") is None
    other = Source("suggestion", "01OTHER", "content")
    assert Gate(digest=digest, released=released).text(other, NEARLY) is None


@given(st.text(max_size=60))
def test_whatever_comes_out_is_scrubbed_and_never_in_doubt(text):
    gate = Gate(digest=digest)
    published = gate.text(CASE, text)
    assert (published is None) == doubtful(text)
    if published is not None:
        assert published == scrub(text) and not doubtful(published)
