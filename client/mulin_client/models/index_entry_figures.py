from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IndexEntryFigures")



@_attrs_define
class IndexEntryFigures:
    """ What an entry holds: the entered indicators given, the others null.

        Attributes:
            sg_building_activities (int | None | Unset):
            rl_conventions (int | None | Unset):
            rl_legal_advice (int | None | Unset):
            cv_volunteers (int | None | Unset):
            cv_commendations (int | None | Unset):
     """

    sg_building_activities: int | None | Unset = UNSET
    rl_conventions: int | None | Unset = UNSET
    rl_legal_advice: int | None | Unset = UNSET
    cv_volunteers: int | None | Unset = UNSET
    cv_commendations: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        sg_building_activities: int | None | Unset
        if isinstance(self.sg_building_activities, Unset):
            sg_building_activities = UNSET
        else:
            sg_building_activities = self.sg_building_activities

        rl_conventions: int | None | Unset
        if isinstance(self.rl_conventions, Unset):
            rl_conventions = UNSET
        else:
            rl_conventions = self.rl_conventions

        rl_legal_advice: int | None | Unset
        if isinstance(self.rl_legal_advice, Unset):
            rl_legal_advice = UNSET
        else:
            rl_legal_advice = self.rl_legal_advice

        cv_volunteers: int | None | Unset
        if isinstance(self.cv_volunteers, Unset):
            cv_volunteers = UNSET
        else:
            cv_volunteers = self.cv_volunteers

        cv_commendations: int | None | Unset
        if isinstance(self.cv_commendations, Unset):
            cv_commendations = UNSET
        else:
            cv_commendations = self.cv_commendations


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if sg_building_activities is not UNSET:
            field_dict["sg_building_activities"] = sg_building_activities
        if rl_conventions is not UNSET:
            field_dict["rl_conventions"] = rl_conventions
        if rl_legal_advice is not UNSET:
            field_dict["rl_legal_advice"] = rl_legal_advice
        if cv_volunteers is not UNSET:
            field_dict["cv_volunteers"] = cv_volunteers
        if cv_commendations is not UNSET:
            field_dict["cv_commendations"] = cv_commendations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_sg_building_activities(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sg_building_activities = _parse_sg_building_activities(d.pop("sg_building_activities", UNSET))


        def _parse_rl_conventions(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rl_conventions = _parse_rl_conventions(d.pop("rl_conventions", UNSET))


        def _parse_rl_legal_advice(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rl_legal_advice = _parse_rl_legal_advice(d.pop("rl_legal_advice", UNSET))


        def _parse_cv_volunteers(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cv_volunteers = _parse_cv_volunteers(d.pop("cv_volunteers", UNSET))


        def _parse_cv_commendations(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cv_commendations = _parse_cv_commendations(d.pop("cv_commendations", UNSET))


        index_entry_figures = cls(
            sg_building_activities=sg_building_activities,
            rl_conventions=rl_conventions,
            rl_legal_advice=rl_legal_advice,
            cv_volunteers=cv_volunteers,
            cv_commendations=cv_commendations,
        )


        index_entry_figures.additional_properties = d
        return index_entry_figures

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
