from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="MarkRead")



@_attrs_define
class MarkRead:
    """ Everything up to this time has been read (normally the `at` of the newest message shown).

        Attributes:
            read_until (datetime.datetime): a time with its zone; the kept mark never moves back
     """

    read_until: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        read_until = self.read_until.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "read_until": read_until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        read_until = datetime.datetime.fromisoformat(d.pop("read_until"))




        mark_read = cls(
            read_until=read_until,
        )

        return mark_read

