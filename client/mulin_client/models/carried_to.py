from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.carry_target import CarryTarget
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CarriedTo")



@_attrs_define
class CarriedTo:
    """ 
        Attributes:
            target (CarryTarget): Where a decision goes, once: exactly one of these per decision.
            ref_id (str): the proposal as {round}/{project}, the application, suggestion or convention id
            at (str):
            round_id (None | str | Unset):
            project_id (None | str | Unset):
     """

    target: CarryTarget
    ref_id: str
    at: str
    round_id: None | str | Unset = UNSET
    project_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        target = self.target.value

        ref_id = self.ref_id

        at = self.at

        round_id: None | str | Unset
        if isinstance(self.round_id, Unset):
            round_id = UNSET
        else:
            round_id = self.round_id

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "target": target,
            "ref_id": ref_id,
            "at": at,
        })
        if round_id is not UNSET:
            field_dict["round_id"] = round_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target = CarryTarget(d.pop("target"))




        ref_id = d.pop("ref_id")

        at = d.pop("at")

        def _parse_round_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        round_id = _parse_round_id(d.pop("round_id", UNSET))


        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))


        carried_to = cls(
            target=target,
            ref_id=ref_id,
            at=at,
            round_id=round_id,
            project_id=project_id,
        )


        carried_to.additional_properties = d
        return carried_to

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
