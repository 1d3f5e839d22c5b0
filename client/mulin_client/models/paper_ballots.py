from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PaperBallots")



@_attrs_define
class PaperBallots:
    """ Paper ballots typed in by staff: one line per ballot, `code;picks[;points]`, where
    picks and points are comma-separated (project ids, then points in the same order).

        Attributes:
            csv (str):
            channel (str | Unset):  Default: 'paper'.
     """

    csv: str
    channel: str | Unset = 'paper'





    def to_dict(self) -> dict[str, Any]:
        csv = self.csv

        channel = self.channel


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "csv": csv,
        })
        if channel is not UNSET:
            field_dict["channel"] = channel

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        csv = d.pop("csv")

        channel = d.pop("channel", UNSET)

        paper_ballots = cls(
            csv=csv,
            channel=channel,
        )

        return paper_ballots

