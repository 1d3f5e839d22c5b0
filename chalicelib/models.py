"""Base classes every request and response model derives from.

Every model defers building its validator to its first use (`defer_build`): a Lambda
container imports all of them, but a request touches a few, and building them all at
import was a fifth of the cold start (bench/cold_start.py).
"""


import enum
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from chalicelib.errors import BadRequestError
from chalicelib.visible_text import find_hidden

ActionT = TypeVar("ActionT", bound=enum.Enum)

# The years a date or time in a request may name. Near year 1 or 9999, moving a Shanghai
# day or time to UTC overflows Python's datetime, and such a request would end in a 500.
FIRST_YEAR, LAST_YEAR = 2000, 2100
# The error type of a refused invisible character; its context's `within` is the path
# below the field (a list index, a nested object's key) that chalicelib/web/requests.py
# appends to the field's name.
HIDDEN_CHARACTER = "hidden_character"
HIDDEN_CHARACTER_MESSAGE = "must not contain control or invisible formatting characters ({code} at character {character})"


class RequestModel(BaseModel):
    """Input from outside: unknown fields are refused (no mass assignment), text is trimmed
    and may not hide characters (chalicelib/visible_text.py)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True)

    # Before validation, on the input as sent: trimming would otherwise drop a separator
    # (U+2028) or NEL at either end unseen, and a nested object is still the JSON the
    # client wrote, so its path is the one pydantic would report. Every field of every
    # request model, present and future, goes through here.
    @field_validator("*", mode="before")
    @classmethod
    def _no_hidden_characters(cls, value: Any) -> Any:
        hidden = find_hidden(value)
        if hidden is not None:
            raise PydanticCustomError(
                HIDDEN_CHARACTER,
                HIDDEN_CHARACTER_MESSAGE,
                {"code": hidden.code, "character": hidden.position + 1, "within": hidden.path},
            )
        return value


class ResponseModel(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class PageQuery(RequestModel):
    """`limit` and `cursor`, as every list takes them."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=2048)


def not_blank(value: str) -> str:
    """Refuse text that is only spaces, full-width ones (U+3000) included."""
    if not value.replace("\u3000", "").strip():
        raise ValueError("must not be blank")
    return value


def within_years(value: date | None) -> date | None:
    """Refuse a date or time outside FIRST_YEAR to LAST_YEAR (a datetime is a date too)."""
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"must lie between the years {FIRST_YEAR} and {LAST_YEAR}")
    return value


def action_named(actions: type[ActionT], name: str) -> ActionT:
    """The action a route's `{action}` names, or a 400 listing the ones there are."""
    try:
        return actions(name)
    except ValueError:
        raise BadRequestError(
            f"Unknown action; use one of {', '.join(a.value for a in actions)}. / 未知的操作。"
        ) from None
