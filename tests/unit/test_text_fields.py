"""Every text field of every request refuses control and invisible format characters, by
its path, in English and Chinese; ordinary line breaks, tabs and emoji pass."""

from __future__ import annotations

import importlib
import unicodedata

import pytest

from chalicelib.errors import BadRequestError, ValidationFailedError
from chalicelib.funds.models import ApplicationDraft, PoolCreate
from chalicelib.idempotency import checked_key
from chalicelib.models import HIDDEN_CHARACTER, RequestModel
from chalicelib.suggestions.models import ReviewQueueQuery, SuggestionSubmission
from chalicelib.visible_text import PICTOGRAPHIC, REFUSED, code_points, find_hidden, first_hidden
from chalicelib.web.requests import check_path, parse_query, validate

# One character of each kind that is refused.
REFUSED_KINDS = {
    "NUL": "\x00",
    "C0 control (bell)": "\x07",
    "C0 control (escape)": "\x1b",
    "vertical tab": "\x0b",
    "form feed": "\x0c",
    "DEL": "\x7f",
    "C1 control (next line)": "\x85",
    "C1 control (CSI)": "\x9b",
    "bidi embedding (LRE)": "\u202a",
    "bidi embedding (RLE)": "\u202b",
    "bidi pop (PDF)": "\u202c",
    "bidi override (LRO)": "\u202d",
    "bidi override (RLO)": "\u202e",
    "bidi isolate (LRI)": "\u2066",
    "bidi isolate (RLI)": "\u2067",
    "bidi isolate (FSI)": "\u2068",
    "bidi isolate pop (PDI)": "\u2069",
    "bidi mark (RLM)": "\u200f",
    "Arabic letter mark": "\u061c",
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner outside emoji": "\u200d",
    "word joiner": "\u2060",
    "invisible times": "\u2062",
    "byte order mark": "\ufeff",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
    "soft hyphen": "\u00ad",
    "Mongolian vowel separator": "\u180e",
    "interlinear annotation": "\ufff9",
    "language tag": "\U000e0001",
    "tag character outside a flag": "\U000e0041",
    "musical format character": "\U0001d173",
    "lone surrogate": "\ud800",
}

ALLOWED_TEXT = {
    "multi-line with tabs": "第一行\n第二行\r\n\t缩进的第三行",
    "full-width and no-break spaces": "控江路\u3000一号\u00a0楼",
    "family (ZWJ)": "👨\u200d👩\u200d👧",
    "skin tone before ZWJ": "👩🏽\u200d💻",
    "presentation selector before ZWJ": "❤️\u200d🔥 🏳️\u200d🌈",
    "polar bear (ZWJ, selector after)": "🐻\u200d❄️",
    "variation selectors": "☺️ ☺︎ 葛\U000e0100",
    "keycap": "1️⃣",
    "skin tone": "👍🏻",
    "national flag": "🇨🇳",
    "subdivision flag (tags)": "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "rare Han character (astral)": "𠀀𪚥",
    "emoji newer than this Python's Unicode": "\U0001fae8",
    "private use": "\ue000",
    "combining marks": "e\u0301 \u034f",
}


def submission(**overrides):
    return {"title": "路灯坏了", "content": "控江路 1500 号的路灯坏了。", "category": "transport",
            "division": "310110012001", **overrides}


def refusal(model, data) -> list[dict]:
    with pytest.raises(ValidationFailedError) as caught:
        validate(model, data)
    return [d.as_json() for d in caught.value.details]


@pytest.mark.parametrize("character", REFUSED_KINDS.values(), ids=REFUSED_KINDS.keys())
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_each_kind_is_refused_by_field_wherever_it_stands(character, where):
    title = {"start": character + "路灯坏了", "middle": "路灯" + character + "坏了", "end": "路灯坏了" + character}[where]
    details = refusal(SuggestionSubmission, submission(title=title))
    assert [(d["field"], d["type"]) for d in details] == [("title", HIDDEN_CHARACTER)]
    code = f"U+{ord(character):04X}"
    assert code in details[0]["message"] and code in details[0]["message_zh"]
    assert "不可见" in details[0]["message_zh"]


@pytest.mark.parametrize("text", ALLOWED_TEXT.values(), ids=ALLOWED_TEXT.keys())
def test_ordinary_text_and_emoji_pass_unchanged(text):
    assert first_hidden(text) is None
    accepted = validate(SuggestionSubmission, submission(content=f"灯不亮了 {text} 请修理"))
    assert accepted.content == f"灯不亮了 {text} 请修理"


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("a\u200db", 1),  # between letters
        ("中\u200d文", 1),
        ("\u200d👩", 0),  # no pictograph before
        ("👩\u200d", 1),  # none after
        ("👩\u200d\u200d👩", 1),  # two joiners: neither stands between pictographs
        ("👩\u200dx", 1),
        ("🏴\U000e0067\U000e0062", 1),  # tags never cancelled
        ("x\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 1),  # not after 🏴
        ("👨\u200d👩\u200d👧\u202e", 5),  # an allowed sequence does not hide a refused character
    ],
)
def test_joiner_and_tags_are_refused_outside_emoji(text, position):
    assert first_hidden(text) == position


def test_the_refused_table_is_every_control_format_separator_and_surrogate():
    expected = {c for c in range(0x110000) if unicodedata.category(chr(c)) in {"Cc", "Cf", "Zl", "Zp", "Cs"}}
    expected -= {0x09, 0x0A, 0x0D}
    table = {c for first, last in code_points(REFUSED) for c in range(first, last + 1)}
    # Format characters newer than this Python's Unicode database are in the table too.
    assert expected <= table
    assert all(unicodedata.category(chr(c)) == "Cn" for c in table - expected)
    # And the whole check agrees with it, character by character, but for the joiner.
    refused = {c for c in range(0x110000) if first_hidden(chr(c)) is not None}
    assert refused == table


EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_the_pictograph_table_is_unicodes_extended_pictographic():
    regex = pytest.importorskip("regex")
    table = {c for first, last in code_points(PICTOGRAPHIC) for c in range(first, last + 1)}
    assert table == set(map(ord, regex.findall(r"\p{Extended_Pictographic}", EVERY_CHARACTER)))


def test_newer_format_characters_are_in_the_table():
    regex = pytest.importorskip("regex")
    table = {c for first, last in code_points(REFUSED) for c in range(first, last + 1)}
    assert set(map(ord, regex.findall(r"\p{Cf}", EVERY_CHARACTER))) <= table


def test_nested_objects_and_list_items_are_named_by_path():
    draft = {
        "team": {"name": "阳光\x00合唱团"},
        "lines": [{"item": "场地租金"}, {"item": "乐谱\u200b与音响", "note": "ok"}],
    }
    fields = {d["field"]: d["type"] for d in refusal(ApplicationDraft, draft)}
    assert fields["team.name"] == HIDDEN_CHARACTER
    assert fields["lines.1.item"] == HIDDEN_CHARACTER
    assert "lines.0.item" not in fields
    photos = ["uploads/photos/a.jpg", "uploads/photos/b\u202e.jpg"]
    details = refusal(SuggestionSubmission, submission(photos=photos))
    assert [(d["field"], d["type"]) for d in details] == [("photos.1", HIDDEN_CHARACTER)]


def test_object_keys_are_checked_too():
    details = refusal(PoolCreate, {"amounts_by_type": {"old\u202eneighbourhood": 1}, "per_application_cap_fen": 1,
                                   "per_team_cap_fen": 1, "notice_days": 7})
    assert any(d["field"].startswith("amounts_by_type.") and d["type"] == HIDDEN_CHARACTER for d in details)


def test_query_parameters_are_checked():
    with pytest.raises(ValidationFailedError) as caught:
        parse_query({"cursor": "abc\u2066def"}, ReviewQueueQuery)
    assert [d.field for d in caught.value.details] == ["cursor"]


def test_path_parameters_are_checked_by_name():
    check_path({"id": "01JD0000000000000000000000", "action": "accept"})
    with pytest.raises(ValidationFailedError) as caught:
        check_path({"id": "01JD0000000000000000000000\u202e", "action": "accept"})
    (detail,) = caught.value.details
    assert detail.field == "id" and detail.type == HIDDEN_CHARACTER
    assert "U+202E" in detail.message and "U+202E" in detail.message_zh


@pytest.mark.parametrize("key", ["abcdefgh\u202e", "abcd\x00efgh", "\u200babcdefgh", "abcdefgh\n"])
def test_an_idempotency_key_with_a_hidden_character_is_refused(key):
    with pytest.raises(BadRequestError):
        checked_key(key)


def test_deep_nesting_does_not_exhaust_the_stack():
    value: list = ["x\u202e"]
    for _ in range(100_000):
        value = [value]
    assert find_hidden(value).path == (0,) * 100_001


def _request_models() -> list[type[RequestModel]]:
    importlib.import_module("app")  # every route, so every model a request can reach
    found, pending = [], [RequestModel]
    while pending:
        model = pending.pop()
        found.append(model)
        pending.extend(model.__subclasses__())
    return found


def test_every_request_model_inherits_the_check():
    models = _request_models()
    assert len(models) > 30
    for model in models:
        validator = model.__pydantic_decorators__.field_validators.get("_no_hidden_characters")
        assert validator is not None and validator.info.fields == ("*",) and validator.info.mode == "before", model
