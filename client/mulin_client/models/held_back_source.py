from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.held_back_source_kind import HeldBackSourceKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="HeldBackSource")



@_attrs_define
class HeldBackSource:
    """ 
        Attributes:
            kind (HeldBackSourceKind):
            id (str): the case, round or project
            field (str): title, content or reply
            tracking_no (None | str | Unset): a case's tracking number
            division (None | str | Unset): a case's division
            round_id (None | str | Unset): a project's round
     """

    kind: HeldBackSourceKind
    id: str
    field: str
    tracking_no: None | str | Unset = UNSET
    division: None | str | Unset = UNSET
    round_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        id = self.id

        field = self.field

        tracking_no: None | str | Unset
        if isinstance(self.tracking_no, Unset):
            tracking_no = UNSET
        else:
            tracking_no = self.tracking_no

        division: None | str | Unset
        if isinstance(self.division, Unset):
            division = UNSET
        else:
            division = self.division

        round_id: None | str | Unset
        if isinstance(self.round_id, Unset):
            round_id = UNSET
        else:
            round_id = self.round_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "id": id,
            "field": field,
        })
        if tracking_no is not UNSET:
            field_dict["tracking_no"] = tracking_no
        if division is not UNSET:
            field_dict["division"] = division
        if round_id is not UNSET:
            field_dict["round_id"] = round_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = HeldBackSourceKind(d.pop("kind"))




        id = d.pop("id")

        field = d.pop("field")

        def _parse_tracking_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracking_no = _parse_tracking_no(d.pop("tracking_no", UNSET))


        def _parse_division(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        division = _parse_division(d.pop("division", UNSET))


        def _parse_round_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        round_id = _parse_round_id(d.pop("round_id", UNSET))


        held_back_source = cls(
            kind=kind,
            id=id,
            field=field,
            tracking_no=tracking_no,
            division=division,
            round_id=round_id,
        )


        held_back_source.additional_properties = d
        return held_back_source

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
