from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="AppealReceipt")



@_attrs_define
class AppealReceipt:
    """ 
        Attributes:
            topic_id (str):
            comment_id (None | str):
            at (str):
            street (str): the street whose officials decide
     """

    topic_id: str
    comment_id: None | str
    at: str
    street: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        topic_id = self.topic_id

        comment_id: None | str
        comment_id = self.comment_id

        at = self.at

        street = self.street


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "topic_id": topic_id,
            "comment_id": comment_id,
            "at": at,
            "street": street,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic_id = d.pop("topic_id")

        def _parse_comment_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment_id = _parse_comment_id(d.pop("comment_id"))


        at = d.pop("at")

        street = d.pop("street")

        appeal_receipt = cls(
            topic_id=topic_id,
            comment_id=comment_id,
            at=at,
            street=street,
        )


        appeal_receipt.additional_properties = d
        return appeal_receipt

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
