from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.report_reason import ReportReason
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ReportRequest")



@_attrs_define
class ReportRequest:
    """ 
        Attributes:
            reason (ReportReason):
            comment_id (None | str | Unset): a comment; the topic itself if absent
            note (None | str | Unset):
     """

    reason: ReportReason
    comment_id: None | str | Unset = UNSET
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        comment_id: None | str | Unset
        if isinstance(self.comment_id, Unset):
            comment_id = UNSET
        else:
            comment_id = self.comment_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
        })
        if comment_id is not UNSET:
            field_dict["comment_id"] = comment_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = ReportReason(d.pop("reason"))




        def _parse_comment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment_id = _parse_comment_id(d.pop("comment_id", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        report_request = cls(
            reason=reason,
            comment_id=comment_id,
            note=note,
        )

        return report_request

