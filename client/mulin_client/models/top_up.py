from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TopUp")



@_attrs_define
class TopUp:
    """ 
        Attributes:
            amount_fen (int):
            reason (str):
     """

    amount_fen: int
    reason: str





    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_fen": amount_fen,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        reason = d.pop("reason")

        top_up = cls(
            amount_fen=amount_fen,
            reason=reason,
        )

        return top_up

