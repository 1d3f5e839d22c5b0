from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.queue_counts import QueueCounts





T = TypeVar("T", bound="ReviewSummary")



@_attrs_define
class ReviewSummary:
    """ 
        Attributes:
            jurisdiction (str):
            at (str):
            new_since (str): this time on the previous working day (UTC)
            due_soon_before (str): end of the second working day after today (UTC)
            queues (list[QueueCounts]): only the queues the caller works on
     """

    jurisdiction: str
    at: str
    new_since: str
    due_soon_before: str
    queues: list[QueueCounts]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.queue_counts import QueueCounts # noqa: PLC0415
        jurisdiction = self.jurisdiction

        at = self.at

        new_since = self.new_since

        due_soon_before = self.due_soon_before

        queues = []
        for queues_item_data in self.queues:
            queues_item = queues_item_data.to_dict()
            queues.append(queues_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "jurisdiction": jurisdiction,
            "at": at,
            "new_since": new_since,
            "due_soon_before": due_soon_before,
            "queues": queues,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.queue_counts import QueueCounts # noqa: PLC0415
        d = dict(src_dict)
        jurisdiction = d.pop("jurisdiction")

        at = d.pop("at")

        new_since = d.pop("new_since")

        due_soon_before = d.pop("due_soon_before")

        queues = []
        _queues = d.pop("queues")
        for queues_item_data in (_queues):
            queues_item = QueueCounts.from_dict(queues_item_data)



            queues.append(queues_item)


        review_summary = cls(
            jurisdiction=jurisdiction,
            at=at,
            new_since=new_since,
            due_soon_before=due_soon_before,
            queues=queues,
        )


        review_summary.additional_properties = d
        return review_summary

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
