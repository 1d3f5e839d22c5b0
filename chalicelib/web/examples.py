"""An example instance of a JSON schema, for the contract's request bodies and responses.

A model's own examples (`json_schema_extra={"examples": [...]}`, `Field(examples=...)`) are
used first, at every depth; the rest is built from the schema's types, formats and bounds,
so that every body and response shows one even where nobody wrote one. A string with a
pattern cannot be made up: its field states an example, and tests/unit/test_openapi.py
validates every example against its schema.
"""

from __future__ import annotations

import re
from typing import Any

REF_PREFIX = "#/components/schemas/"
STRING_FORMATS = {
    "date": "2026-03-20",
    "date-time": "2026-03-20T10:00:00+08:00",
    "email": "resident@example.cn",
    "uri": "https://example.cn/",
    "uuid": "0b7e5a2c-5f0e-4c43-9d7c-2f9a4c1e8b3d",
}
# Values the platform's patterns accept (division codes, ULIDs, mainland mobiles...); a
# string with a pattern gets the first that matches.
PATTERNED = ("310110012001", "310110012", "310110", "01JD3Z6Q8V2W4X5Y6Z7A8B9C0D", "+8613912345678", "3f2a9c0d",
             "paper", "planned", "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.refresh-token")
# What a plain string holds, told by its field's name.
NAMED = (
    (re.compile(r"(^|_)at$"), "2026-03-20T10:00:00+08:00"),
    (re.compile(r"(^|_)(by|on|date|day|from|until)$"), "2026-03-20"),
    (re.compile(r"(^|_)id$"), "01JD3Z6Q8V2W4X5Y6Z7A8B9C0D"),
    (re.compile(r"(^|_)(division|committee|street|district|scope|jurisdiction)$"), "310110012001"),
    (re.compile(r"(^|_)month$"), "2026-02"),
    (re.compile(r"masked$"), "139****5678"),
    (re.compile(r"(^|_)phones?$"), "+8613912345678"),
    (re.compile(r"(^|_)url$"), "https://example.cn/"),
    (re.compile(r"^tracking_no$"), "260320-004217"),
    (re.compile(r"(^|_)title$"), "小区东门加装路灯"),
    (re.compile(r"(^|_)(reason|note)$"), "需要会同区建管委现场勘查。"),
    (re.compile(r"(^|_)(message|reply)$"), "已安排在小区东门加装路灯两盏，预计下月完工。"),
    (re.compile(r"(^|_)(description|purpose|content|text|body)$"), "小区东门夜间照明不足，老人晚上出行不便。"),
    (re.compile(r"(^|_)(location|place|address)$"), "控江路 1000 弄东门"),
    (re.compile(r"(^|_)name$"), "王芳"),
)
YEAR = 2026
# A self-referencing schema stops here rather than recursing without end.
MAX_DEPTH = 8


def example_of(schema: dict[str, Any], components: dict[str, Any], depth: int = 0, name: str = "") -> Any:
    if "examples" in schema and schema["examples"]:
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if "$ref" in schema:
        target = components[schema["$ref"].removeprefix(REF_PREFIX)]
        return example_of(target, components, depth + 1, name)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    for union in ("anyOf", "oneOf"):
        if union in schema:
            branches = [b for b in schema[union] if b.get("type") != "null"] or schema[union]
            return example_of(branches[0], components, depth + 1, name)
    if "allOf" in schema:
        return example_of(schema["allOf"][0], components, depth + 1, name)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        return _object(schema, components, depth)
    if kind == "array":
        if depth >= MAX_DEPTH:
            return []
        item = example_of(schema.get("items", {}), components, depth + 1, name)
        return [item] * max(1, schema.get("minItems", 1)) if "items" in schema else []
    if kind == "string":
        return _string(schema, name)
    if kind in ("integer", "number"):
        return _number(schema, kind, name)
    if kind == "boolean":
        return True
    return None


def _object(schema: dict[str, Any], components: dict[str, Any], depth: int) -> dict[str, Any]:
    if depth >= MAX_DEPTH:
        return {}
    required = set(schema.get("required", []))
    shown: dict[str, Any] = {}
    for name, prop in schema.get("properties", {}).items():
        # Optional fields are shown when they carry a value worth seeing, not as a list of nulls.
        value = example_of(prop, components, depth + 1, name)
        if name in required or value is not None:
            shown[name] = value
    return shown


def _string(schema: dict[str, Any], name: str) -> str:
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if "pattern" in schema:
        pattern = re.compile(schema["pattern"])
        return next((text for text in PATTERNED
                     if pattern.search(text) and low <= len(text) <= (high or len(text))), "")
    named = next((text for hint, text in NAMED if hint.search(name) and low <= len(text) <= (high or len(text))),
                 "示例 example")
    text = STRING_FORMATS.get(schema.get("format", ""), named)
    if len(text) < low:
        text = text + "x" * (low - len(text))
    return text[:high] if high is not None else text


def _number(schema: dict[str, Any], kind: str, name: str) -> int | float:
    low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + (1 if "exclusiveMinimum" in schema else 0))
    high = schema.get("maximum", schema.get("exclusiveMaximum", low + 2) - (1 if "exclusiveMaximum" in schema else 0))
    value = max(low, min(YEAR if name == "year" else 1, high))
    step = schema.get("multipleOf")
    if step:
        value = step * max(1, int(value // step))
    return int(value) if kind == "integer" else value
