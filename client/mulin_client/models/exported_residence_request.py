from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ExportedResidenceRequest")



@_attrs_define
class ExportedResidenceRequest:
    """ 
        Attributes:
            id (str):
            committee (str):
            status (str):
            requested_at (str):
            building (None | str | Unset):
            room (None | str | Unset):
            basis (None | str | Unset):
            note (None | str | Unset):
            proof_photos (list[str] | Unset):
            decided_at (None | str | Unset):
            reason (None | str | Unset):
     """

    id: str
    committee: str
    status: str
    requested_at: str
    building: None | str | Unset = UNSET
    room: None | str | Unset = UNSET
    basis: None | str | Unset = UNSET
    note: None | str | Unset = UNSET
    proof_photos: list[str] | Unset = UNSET
    decided_at: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        committee = self.committee

        status = self.status

        requested_at = self.requested_at

        building: None | str | Unset
        if isinstance(self.building, Unset):
            building = UNSET
        else:
            building = self.building

        room: None | str | Unset
        if isinstance(self.room, Unset):
            room = UNSET
        else:
            room = self.room

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        else:
            basis = self.basis

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        proof_photos: list[str] | Unset = UNSET
        if not isinstance(self.proof_photos, Unset):
            proof_photos = self.proof_photos



        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        else:
            decided_at = self.decided_at

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "committee": committee,
            "status": status,
            "requested_at": requested_at,
        })
        if building is not UNSET:
            field_dict["building"] = building
        if room is not UNSET:
            field_dict["room"] = room
        if basis is not UNSET:
            field_dict["basis"] = basis
        if note is not UNSET:
            field_dict["note"] = note
        if proof_photos is not UNSET:
            field_dict["proof_photos"] = proof_photos
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        committee = d.pop("committee")

        status = d.pop("status")

        requested_at = d.pop("requested_at")

        def _parse_building(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        building = _parse_building(d.pop("building", UNSET))


        def _parse_room(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        room = _parse_room(d.pop("room", UNSET))


        def _parse_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        proof_photos = cast(list[str], d.pop("proof_photos", UNSET))


        def _parse_decided_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        exported_residence_request = cls(
            id=id,
            committee=committee,
            status=status,
            requested_at=requested_at,
            building=building,
            room=room,
            basis=basis,
            note=note,
            proof_photos=proof_photos,
            decided_at=decided_at,
            reason=reason,
        )


        exported_residence_request.additional_properties = d
        return exported_residence_request

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
