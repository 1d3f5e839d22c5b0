from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="LineItem")



@_attrs_define
class LineItem:
    """ 
        Attributes:
            item (str):
            unit_price_fen (int):
            quantity (int):
            note (None | str | Unset):
     """

    item: str
    unit_price_fen: int
    quantity: int
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        item = self.item

        unit_price_fen = self.unit_price_fen

        quantity = self.quantity

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "item": item,
            "unit_price_fen": unit_price_fen,
            "quantity": quantity,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item = d.pop("item")

        unit_price_fen = d.pop("unit_price_fen")

        quantity = d.pop("quantity")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        line_item = cls(
            item=item,
            unit_price_fen=unit_price_fen,
            quantity=quantity,
            note=note,
        )

        return line_item

