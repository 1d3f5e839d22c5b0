from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.path_step import PathStep






T = TypeVar("T", bound="PathEntry")



@_attrs_define
class PathEntry:
    """ 
        Attributes:
            step (PathStep): The steps of a topic's path, as its page shows them; meetings and projects add theirs.
            at (str):
            ref_kind (str):
            ref_id (str):
     """

    step: PathStep
    at: str
    ref_kind: str
    ref_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        step = self.step.value

        at = self.at

        ref_kind = self.ref_kind

        ref_id = self.ref_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "step": step,
            "at": at,
            "ref_kind": ref_kind,
            "ref_id": ref_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        step = PathStep(d.pop("step"))




        at = d.pop("at")

        ref_kind = d.pop("ref_kind")

        ref_id = d.pop("ref_id")

        path_entry = cls(
            step=step,
            at=at,
            ref_kind=ref_kind,
            ref_id=ref_id,
        )


        path_entry.additional_properties = d
        return path_entry

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
