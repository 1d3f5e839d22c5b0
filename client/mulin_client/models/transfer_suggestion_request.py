from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TransferSuggestionRequest")



@_attrs_define
class TransferSuggestionRequest:
    """ Transfer a case to the street it concerns; it waits there to be accepted or returned.

        Attributes:
            to_street (str): the 9-digit code of the receiving street
            reason (str):
            version (int | None | Unset): the version last seen; refused (409) if stale
     """

    to_street: str
    reason: str
    version: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        to_street = self.to_street

        reason = self.reason

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "to_street": to_street,
            "reason": reason,
        })
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to_street = d.pop("to_street")

        reason = d.pop("reason")

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        transfer_suggestion_request = cls(
            to_street=to_street,
            reason=reason,
            version=version,
        )

        return transfer_suggestion_request

