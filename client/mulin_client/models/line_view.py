from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="LineView")



@_attrs_define
class LineView:
    """ 
        Attributes:
            item (str):
            unit_price_fen (int):
            quantity (int):
            total_fen (int):
            note (None | str | Unset):
     """

    item: str
    unit_price_fen: int
    quantity: int
    total_fen: int
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        item = self.item

        unit_price_fen = self.unit_price_fen

        quantity = self.quantity

        total_fen = self.total_fen

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "item": item,
            "unit_price_fen": unit_price_fen,
            "quantity": quantity,
            "total_fen": total_fen,
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

        total_fen = d.pop("total_fen")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        line_view = cls(
            item=item,
            unit_price_fen=unit_price_fen,
            quantity=quantity,
            total_fen=total_fen,
            note=note,
        )


        line_view.additional_properties = d
        return line_view

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
