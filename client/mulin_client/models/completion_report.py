from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.expense import Expense





T = TypeVar("T", bound="CompletionReport")



@_attrs_define
class CompletionReport:
    """ 
        Attributes:
            expenses (list[Expense]):
            participants (int):
            outcome (str):
            photos (list[str] | Unset):
     """

    expenses: list[Expense]
    participants: int
    outcome: str
    photos: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.expense import Expense # noqa: PLC0415
        expenses = []
        for expenses_item_data in self.expenses:
            expenses_item = expenses_item_data.to_dict()
            expenses.append(expenses_item)



        participants = self.participants

        outcome = self.outcome

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "expenses": expenses,
            "participants": participants,
            "outcome": outcome,
        })
        if photos is not UNSET:
            field_dict["photos"] = photos

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expense import Expense # noqa: PLC0415
        d = dict(src_dict)
        expenses = []
        _expenses = d.pop("expenses")
        for expenses_item_data in (_expenses):
            expenses_item = Expense.from_dict(expenses_item_data)



            expenses.append(expenses_item)


        participants = d.pop("participants")

        outcome = d.pop("outcome")

        photos = cast(list[str], d.pop("photos", UNSET))


        completion_report = cls(
            expenses=expenses,
            participants=participants,
            outcome=outcome,
            photos=photos,
        )

        return completion_report

