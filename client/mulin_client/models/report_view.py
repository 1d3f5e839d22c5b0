from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.expense_view import ExpenseView





T = TypeVar("T", bound="ReportView")



@_attrs_define
class ReportView:
    """ 
        Attributes:
            expenses (list[ExpenseView]):
            actual_total_fen (int):
            participants (int):
            outcome (str):
            photo_count (int):
            reported_at (str):
     """

    expenses: list[ExpenseView]
    actual_total_fen: int
    participants: int
    outcome: str
    photo_count: int
    reported_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.expense_view import ExpenseView # noqa: PLC0415
        expenses = []
        for expenses_item_data in self.expenses:
            expenses_item = expenses_item_data.to_dict()
            expenses.append(expenses_item)



        actual_total_fen = self.actual_total_fen

        participants = self.participants

        outcome = self.outcome

        photo_count = self.photo_count

        reported_at = self.reported_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "expenses": expenses,
            "actual_total_fen": actual_total_fen,
            "participants": participants,
            "outcome": outcome,
            "photo_count": photo_count,
            "reported_at": reported_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expense_view import ExpenseView # noqa: PLC0415
        d = dict(src_dict)
        expenses = []
        _expenses = d.pop("expenses")
        for expenses_item_data in (_expenses):
            expenses_item = ExpenseView.from_dict(expenses_item_data)



            expenses.append(expenses_item)


        actual_total_fen = d.pop("actual_total_fen")

        participants = d.pop("participants")

        outcome = d.pop("outcome")

        photo_count = d.pop("photo_count")

        reported_at = d.pop("reported_at")

        report_view = cls(
            expenses=expenses,
            actual_total_fen=actual_total_fen,
            participants=participants,
            outcome=outcome,
            photo_count=photo_count,
            reported_at=reported_at,
        )


        report_view.additional_properties = d
        return report_view

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
