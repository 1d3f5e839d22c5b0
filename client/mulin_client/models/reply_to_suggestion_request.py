from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.adoption import Adoption
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ReplyToSuggestionRequest")



@_attrs_define
class ReplyToSuggestionRequest:
    """ Reply to a case (答复) with whether the suggestion is adopted; a reason is owed unless it is adopted.

        Attributes:
            message (str): the reply text
            adoption (Adoption):
            version (int | None | Unset): the version last seen; refused (409) if stale
            reason (None | str | Unset): required when adoption is partly_adopted or not_adopted
     """

    message: str
    adoption: Adoption
    version: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        message = self.message

        adoption = self.adoption.value

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "message": message,
            "adoption": adoption,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        adoption = Adoption(d.pop("adoption"))




        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        reply_to_suggestion_request = cls(
            message=message,
            adoption=adoption,
            version=version,
            reason=reason,
        )

        return reply_to_suggestion_request

