from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Window")



@_attrs_define
class Window:
    """ Times without an offset are Shanghai times, as residents read them on a notice.

        Attributes:
            starts (datetime.datetime):
            ends (datetime.datetime):
     """

    starts: datetime.datetime
    ends: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        starts = self.starts.isoformat()

        ends = self.ends.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "starts": starts,
            "ends": ends,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        starts = datetime.datetime.fromisoformat(d.pop("starts"))




        ends = datetime.datetime.fromisoformat(d.pop("ends"))




        window = cls(
            starts=starts,
            ends=ends,
        )

        return window

