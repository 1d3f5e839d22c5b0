from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fund_category import FundCategory
from ..models.fund_status import FundStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FundQueueItem")



@_attrs_define
class FundQueueItem:
    """ 
        Attributes:
            id (str):
            committee (str):
            year (int):
            title (str):
            category (FundCategory): What autonomy funds pay for, as Shanghai streets list it in their 自治金 rules.
            status (FundStatus):
            version (int): send it back with the action
            requested_fen (int):
            open_objections (int):
            waiting_since (str): when the step became the caller's (UTC)
            overdue (bool):
            allowed_actions (list[str]):
            notice_ends_at (None | str | Unset):
            due_at (None | str | Unset): end of the fifth working day after waiting_since (UTC)
     """

    id: str
    committee: str
    year: int
    title: str
    category: FundCategory
    status: FundStatus
    version: int
    requested_fen: int
    open_objections: int
    waiting_since: str
    overdue: bool
    allowed_actions: list[str]
    notice_ends_at: None | str | Unset = UNSET
    due_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        committee = self.committee

        year = self.year

        title = self.title

        category = self.category.value

        status = self.status.value

        version = self.version

        requested_fen = self.requested_fen

        open_objections = self.open_objections

        waiting_since = self.waiting_since

        overdue = self.overdue

        allowed_actions = self.allowed_actions



        notice_ends_at: None | str | Unset
        if isinstance(self.notice_ends_at, Unset):
            notice_ends_at = UNSET
        else:
            notice_ends_at = self.notice_ends_at

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        else:
            due_at = self.due_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "committee": committee,
            "year": year,
            "title": title,
            "category": category,
            "status": status,
            "version": version,
            "requested_fen": requested_fen,
            "open_objections": open_objections,
            "waiting_since": waiting_since,
            "overdue": overdue,
            "allowed_actions": allowed_actions,
        })
        if notice_ends_at is not UNSET:
            field_dict["notice_ends_at"] = notice_ends_at
        if due_at is not UNSET:
            field_dict["due_at"] = due_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        committee = d.pop("committee")

        year = d.pop("year")

        title = d.pop("title")

        category = FundCategory(d.pop("category"))




        status = FundStatus(d.pop("status"))




        version = d.pop("version")

        requested_fen = d.pop("requested_fen")

        open_objections = d.pop("open_objections")

        waiting_since = d.pop("waiting_since")

        overdue = d.pop("overdue")

        allowed_actions = cast(list[str], d.pop("allowed_actions"))


        def _parse_notice_ends_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notice_ends_at = _parse_notice_ends_at(d.pop("notice_ends_at", UNSET))


        def _parse_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))


        fund_queue_item = cls(
            id=id,
            committee=committee,
            year=year,
            title=title,
            category=category,
            status=status,
            version=version,
            requested_fen=requested_fen,
            open_objections=open_objections,
            waiting_since=waiting_since,
            overdue=overdue,
            allowed_actions=allowed_actions,
            notice_ends_at=notice_ends_at,
            due_at=due_at,
        )


        fund_queue_item.additional_properties = d
        return fund_queue_item

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
