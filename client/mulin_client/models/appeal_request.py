from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AppealRequest")



@_attrs_define
class AppealRequest:
    """ 
        Attributes:
            text (str): why the post should be shown again
            comment_id (None | str | Unset): the hidden comment; the topic if absent
     """

    text: str
    comment_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        text = self.text

        comment_id: None | str | Unset
        if isinstance(self.comment_id, Unset):
            comment_id = UNSET
        else:
            comment_id = self.comment_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "text": text,
        })
        if comment_id is not UNSET:
            field_dict["comment_id"] = comment_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_comment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment_id = _parse_comment_id(d.pop("comment_id", UNSET))


        appeal_request = cls(
            text=text,
            comment_id=comment_id,
        )

        return appeal_request

