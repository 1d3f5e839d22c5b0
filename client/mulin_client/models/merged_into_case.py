from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.suggestion_status import SuggestionStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.deadlines import Deadlines
  from ..models.reply import Reply





T = TypeVar("T", bound="MergedIntoCase")



@_attrs_define
class MergedIntoCase:
    """ The case a merged case was merged into, as the merged case's caller sees it: how it stands
    and the answer they are owed, never another resident's words, place, photos or phone.

        Attributes:
            id (str):
            tracking_no (str):
            status (SuggestionStatus):
            deadlines (Deadlines):
            due_at (None | str | Unset): the deadline of the current stage
            overdue (bool | Unset):  Default: False.
            reply (None | Reply | Unset): the official answer; rate_by closes the rating window
            can_rate (bool | Unset): the caller may rate the current reply Default: False.
     """

    id: str
    tracking_no: str
    status: SuggestionStatus
    deadlines: Deadlines
    due_at: None | str | Unset = UNSET
    overdue: bool | Unset = False
    reply: None | Reply | Unset = UNSET
    can_rate: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.deadlines import Deadlines # noqa: PLC0415
        from ..models.reply import Reply # noqa: PLC0415
        id = self.id

        tracking_no = self.tracking_no

        status = self.status.value

        deadlines = self.deadlines.to_dict()

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        else:
            due_at = self.due_at

        overdue = self.overdue

        reply: dict[str, Any] | None | Unset
        if isinstance(self.reply, Unset):
            reply = UNSET
        elif isinstance(self.reply, Reply):
            reply = self.reply.to_dict()
        else:
            reply = self.reply

        can_rate = self.can_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "tracking_no": tracking_no,
            "status": status,
            "deadlines": deadlines,
        })
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if reply is not UNSET:
            field_dict["reply"] = reply
        if can_rate is not UNSET:
            field_dict["can_rate"] = can_rate

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deadlines import Deadlines # noqa: PLC0415
        from ..models.reply import Reply # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        tracking_no = d.pop("tracking_no")

        status = SuggestionStatus(d.pop("status"))




        deadlines = Deadlines.from_dict(d.pop("deadlines"))




        def _parse_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))


        overdue = d.pop("overdue", UNSET)

        def _parse_reply(data: object) -> None | Reply | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reply_type_0 = Reply.from_dict(data)



                return reply_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Reply | Unset, data)

        reply = _parse_reply(d.pop("reply", UNSET))


        can_rate = d.pop("can_rate", UNSET)

        merged_into_case = cls(
            id=id,
            tracking_no=tracking_no,
            status=status,
            deadlines=deadlines,
            due_at=due_at,
            overdue=overdue,
            reply=reply,
            can_rate=can_rate,
        )


        merged_into_case.additional_properties = d
        return merged_into_case

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
