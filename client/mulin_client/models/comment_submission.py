from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CommentSubmission")



@_attrs_define
class CommentSubmission:
    """ 
        Attributes:
            text (str):
            reply_to (None | str | Unset): a top-level comment of this topic; a reply to a reply is refused (422)
     """

    text: str
    reply_to: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        text = self.text

        reply_to: None | str | Unset
        if isinstance(self.reply_to, Unset):
            reply_to = UNSET
        else:
            reply_to = self.reply_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "text": text,
        })
        if reply_to is not UNSET:
            field_dict["reply_to"] = reply_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_reply_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reply_to = _parse_reply_to(d.pop("reply_to", UNSET))


        comment_submission = cls(
            text=text,
            reply_to=reply_to,
        )

        return comment_submission

