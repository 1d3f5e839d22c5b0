from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RosterUpload")



@_attrs_define
class RosterUpload:
    """ 
        Attributes:
            phones (list[str]): mainland mobiles, +86…; stored only as keyed hashes
            verify_residence (bool | Unset): a committee's round only: also verify, in that committee, the residence of
                every resident account holding one of these numbers as verified and having no residence yet (at most 200 numbers
                a request) Default: False.
     """

    phones: list[str]
    verify_residence: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        phones = self.phones



        verify_residence = self.verify_residence


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "phones": phones,
        })
        if verify_residence is not UNSET:
            field_dict["verify_residence"] = verify_residence

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phones = cast(list[str], d.pop("phones"))


        verify_residence = d.pop("verify_residence", UNSET)

        roster_upload = cls(
            phones=phones,
            verify_residence=verify_residence,
        )

        return roster_upload

