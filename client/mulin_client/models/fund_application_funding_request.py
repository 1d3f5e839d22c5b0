from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FundApplicationFundingRequest")



@_attrs_define
class FundApplicationFundingRequest:
    """ The street funds an approved application: the advance is paid now, the rest on acceptance.

        Attributes:
            version (int): the version last seen; refused (409) if stale
            advance_fen (int): the advance paid now, in fen; 0 for none
            reason (None | str | Unset): a comment for the timeline
     """

    version: int
    advance_fen: int
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        advance_fen = self.advance_fen

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
            "advance_fen": advance_fen,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        advance_fen = d.pop("advance_fen")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        fund_application_funding_request = cls(
            version=version,
            advance_fen=advance_fen,
            reason=reason,
        )

        return fund_application_funding_request

