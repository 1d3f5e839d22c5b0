from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.queue_name import QueueName






T = TypeVar("T", bound="QueueCounts")



@_attrs_define
class QueueCounts:
    """ 
        Attributes:
            queue (QueueName):
            new (int): arrived since new_since
            due_soon (int): due before due_soon_before and not yet overdue
            overdue (int):
            capped (bool): the queue is larger than a summary reads: the counts are lower bounds
     """

    queue: QueueName
    new: int
    due_soon: int
    overdue: int
    capped: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        queue = self.queue.value

        new = self.new

        due_soon = self.due_soon

        overdue = self.overdue

        capped = self.capped


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "queue": queue,
            "new": new,
            "due_soon": due_soon,
            "overdue": overdue,
            "capped": capped,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        queue = QueueName(d.pop("queue"))




        new = d.pop("new")

        due_soon = d.pop("due_soon")

        overdue = d.pop("overdue")

        capped = d.pop("capped")

        queue_counts = cls(
            queue=queue,
            new=new,
            due_soon=due_soon,
            overdue=overdue,
            capped=capped,
        )


        queue_counts.additional_properties = d
        return queue_counts

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
