from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ReleaseRequest")



@_attrs_define
class ReleaseRequest:
    """ 
        Attributes:
            digest (str): the digest read with the item: the release is refused (409) if the text changed
     """

    digest: str





    def to_dict(self) -> dict[str, Any]:
        digest = self.digest


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "digest": digest,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        digest = d.pop("digest")

        release_request = cls(
            digest=digest,
        )

        return release_request

