from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ExpenseView")



@_attrs_define
class ExpenseView:
    """ 
        Attributes:
            line (int):
            item (str):
            planned_fen (int):
            actual_fen (int):
            receipt_count (int):
     """

    line: int
    item: str
    planned_fen: int
    actual_fen: int
    receipt_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        line = self.line

        item = self.item

        planned_fen = self.planned_fen

        actual_fen = self.actual_fen

        receipt_count = self.receipt_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "line": line,
            "item": item,
            "planned_fen": planned_fen,
            "actual_fen": actual_fen,
            "receipt_count": receipt_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        item = d.pop("item")

        planned_fen = d.pop("planned_fen")

        actual_fen = d.pop("actual_fen")

        receipt_count = d.pop("receipt_count")

        expense_view = cls(
            line=line,
            item=item,
            planned_fen=planned_fen,
            actual_fen=actual_fen,
            receipt_count=receipt_count,
        )


        expense_view.additional_properties = d
        return expense_view

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
