from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.queue_kind import QueueKind
from ..models.topic_action import TopicAction
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="QueueEntry")



@_attrs_define
class QueueEntry:
    """ 
        Attributes:
            kind (QueueKind):
            topic_id (str):
            division (str):
            at (str):
            comment_id (None | str | Unset):
            title (None | str | Unset): the topic's title, scrubbed
            due_at (None | str | Unset):
            overdue (bool | Unset):  Default: False.
            reason (None | str | Unset):
            supports (int | None | Unset):
            allowed_actions (list[TopicAction] | Unset): what the caller may do now: to the topic (schedule), or to the
                reported or appealed post, as it stands (restore keeps a shown post and dismisses its reports)
     """

    kind: QueueKind
    topic_id: str
    division: str
    at: str
    comment_id: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    due_at: None | str | Unset = UNSET
    overdue: bool | Unset = False
    reason: None | str | Unset = UNSET
    supports: int | None | Unset = UNSET
    allowed_actions: list[TopicAction] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        topic_id = self.topic_id

        division = self.division

        at = self.at

        comment_id: None | str | Unset
        if isinstance(self.comment_id, Unset):
            comment_id = UNSET
        else:
            comment_id = self.comment_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        else:
            due_at = self.due_at

        overdue = self.overdue

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        supports: int | None | Unset
        if isinstance(self.supports, Unset):
            supports = UNSET
        else:
            supports = self.supports

        allowed_actions: list[str] | Unset = UNSET
        if not isinstance(self.allowed_actions, Unset):
            allowed_actions = []
            for allowed_actions_item_data in self.allowed_actions:
                allowed_actions_item = allowed_actions_item_data.value
                allowed_actions.append(allowed_actions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "topic_id": topic_id,
            "division": division,
            "at": at,
        })
        if comment_id is not UNSET:
            field_dict["comment_id"] = comment_id
        if title is not UNSET:
            field_dict["title"] = title
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if reason is not UNSET:
            field_dict["reason"] = reason
        if supports is not UNSET:
            field_dict["supports"] = supports
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = QueueKind(d.pop("kind"))




        topic_id = d.pop("topic_id")

        division = d.pop("division")

        at = d.pop("at")

        def _parse_comment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment_id = _parse_comment_id(d.pop("comment_id", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        def _parse_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))


        overdue = d.pop("overdue", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_supports(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        supports = _parse_supports(d.pop("supports", UNSET))


        _allowed_actions = d.pop("allowed_actions", UNSET)
        allowed_actions: list[TopicAction] | Unset = UNSET
        if _allowed_actions is not UNSET:
            allowed_actions = []
            for allowed_actions_item_data in _allowed_actions:
                allowed_actions_item = TopicAction(allowed_actions_item_data)



                allowed_actions.append(allowed_actions_item)


        queue_entry = cls(
            kind=kind,
            topic_id=topic_id,
            division=division,
            at=at,
            comment_id=comment_id,
            title=title,
            due_at=due_at,
            overdue=overdue,
            reason=reason,
            supports=supports,
            allowed_actions=allowed_actions,
        )


        queue_entry.additional_properties = d
        return queue_entry

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
