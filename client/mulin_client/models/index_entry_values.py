from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IndexEntryValues")



@_attrs_define
class IndexEntryValues:
    """ What the street counted in the quarter; leave out what it did not count.

        Attributes:
            sg_building_activities (int | None | Unset): 楼组活动: building-group activities held in the quarter
            rl_conventions (int | None | Unset): 居民公约: measured since index 2.1 (conventions carried from meetings); an
                entry giving it is refused (422)
            rl_legal_advice (int | None | Unset): 法律咨询: legal-advice sessions held in the quarter
            cv_volunteers (int | None | Unset): 注册志愿者: registered volunteers at the quarter's end
            cv_commendations (int | None | Unset): 好人好事: good deeds commended in the quarter
     """

    sg_building_activities: int | None | Unset = UNSET
    rl_conventions: int | None | Unset = UNSET
    rl_legal_advice: int | None | Unset = UNSET
    cv_volunteers: int | None | Unset = UNSET
    cv_commendations: int | None | Unset = UNSET





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


        index_entry_values = cls(
            sg_building_activities=sg_building_activities,
            rl_conventions=rl_conventions,
            rl_legal_advice=rl_legal_advice,
            cv_volunteers=cv_volunteers,
            cv_commendations=cv_commendations,
        )

        return index_entry_values

