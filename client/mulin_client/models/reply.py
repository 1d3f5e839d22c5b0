from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.adoption import Adoption
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Reply")



@_attrs_define
class Reply:
    """ 
        Attributes:
            message (str):
            adoption (Adoption):
            replied_at (str):
            round_ (int):
            rate_by (str):
            reason (None | str | Unset):
     """

    message: str
    adoption: Adoption
    replied_at: str
    round_: int
    rate_by: str
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        message = self.message

        adoption = self.adoption.value

        replied_at = self.replied_at

        round_ = self.round_

        rate_by = self.rate_by

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "message": message,
            "adoption": adoption,
            "replied_at": replied_at,
            "round": round_,
            "rate_by": rate_by,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        adoption = Adoption(d.pop("adoption"))




        replied_at = d.pop("replied_at")

        round_ = d.pop("round")

        rate_by = d.pop("rate_by")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        reply = cls(
            message=message,
            adoption=adoption,
            replied_at=replied_at,
            round_=round_,
            rate_by=rate_by,
            reason=reason,
        )


        reply.additional_properties = d
        return reply

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
