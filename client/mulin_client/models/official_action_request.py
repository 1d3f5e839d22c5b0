from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OfficialActionRequest")



@_attrs_define
class OfficialActionRequest:
    """ 
        Attributes:
            version (int): the version last seen; refused if stale
            division (None | str | Unset): move only: the new division, of the same level, inside the caller's
            reason (None | str | Unset): why, for the audit trail
     """

    version: int
    division: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        division: None | str | Unset
        if isinstance(self.division, Unset):
            division = UNSET
        else:
            division = self.division

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
        })
        if division is not UNSET:
            field_dict["division"] = division
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_division(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        division = _parse_division(d.pop("division", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        official_action_request = cls(
            version=version,
            division=division,
            reason=reason,
        )

        return official_action_request

