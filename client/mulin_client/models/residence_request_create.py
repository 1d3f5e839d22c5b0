from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.basis import Basis
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ResidenceRequestCreate")



@_attrs_define
class ResidenceRequestCreate:
    """ 
        Attributes:
            committee (str): the 12-digit code of the committee (居委会) to verify
            building (str): building as the resident writes it, e.g. 12号楼
            room (str): room, e.g. 301室
            basis (Basis): Why the resident lives there, as a committee records it.
            proof_photos (list[str] | Unset): keys returned by POST /uploads/photos (e.g. a tenancy contract), uploaded
                already
            note (None | str | Unset):
     """

    committee: str
    building: str
    room: str
    basis: Basis
    proof_photos: list[str] | Unset = UNSET
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        committee = self.committee

        building = self.building

        room = self.room

        basis = self.basis.value

        proof_photos: list[str] | Unset = UNSET
        if not isinstance(self.proof_photos, Unset):
            proof_photos = self.proof_photos



        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "committee": committee,
            "building": building,
            "room": room,
            "basis": basis,
        })
        if proof_photos is not UNSET:
            field_dict["proof_photos"] = proof_photos
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        committee = d.pop("committee")

        building = d.pop("building")

        room = d.pop("room")

        basis = Basis(d.pop("basis"))




        proof_photos = cast(list[str], d.pop("proof_photos", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        residence_request_create = cls(
            committee=committee,
            building=building,
            room=room,
            basis=basis,
            proof_photos=proof_photos,
            note=note,
        )

        return residence_request_create

