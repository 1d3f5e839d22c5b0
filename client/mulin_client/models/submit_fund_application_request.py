from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SubmitFundApplicationRequest")



@_attrs_define
class SubmitFundApplicationRequest:
    """ The lead submits a draft (or an application returned for changes) to the committee.

        Attributes:
            version (int): the version last seen; refused (409) if stale
            reason (None | str | Unset): a comment for the timeline
     """

    version: int
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        submit_fund_application_request = cls(
            version=version,
            reason=reason,
        )

        return submit_fund_application_request

