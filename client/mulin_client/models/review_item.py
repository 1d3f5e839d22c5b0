from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.basis import Basis
from ..models.residence_status import ResidenceStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.verified_by import VerifiedBy





T = TypeVar("T", bound="ReviewItem")



@_attrs_define
class ReviewItem:
    """ A request as the committee's staff check it: the flat in full, the phone masked.

        Attributes:
            id (str):
            committee (str):
            committee_name (str):
            basis (Basis): Why the resident lives there, as a committee records it.
            status (ResidenceStatus):
            version (int):
            requested_at (str):
            allowed_actions (list[str]):
            building (None | str | Unset):
            room (None | str | Unset):
            note (None | str | Unset):
            proof_photos (list[str] | Unset):
            proof_photo_urls (list[str] | Unset): presigned links to the proof photos, in order, for the staff's page to
                show; they lapse, a page read again gets new ones
            phone_masked (None | str | Unset):
            decided_at (None | str | Unset):
            decided_by (None | Unset | VerifiedBy):
            reason (None | str | Unset):
     """

    id: str
    committee: str
    committee_name: str
    basis: Basis
    status: ResidenceStatus
    version: int
    requested_at: str
    allowed_actions: list[str]
    building: None | str | Unset = UNSET
    room: None | str | Unset = UNSET
    note: None | str | Unset = UNSET
    proof_photos: list[str] | Unset = UNSET
    proof_photo_urls: list[str] | Unset = UNSET
    phone_masked: None | str | Unset = UNSET
    decided_at: None | str | Unset = UNSET
    decided_by: None | Unset | VerifiedBy = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.verified_by import VerifiedBy # noqa: PLC0415
        id = self.id

        committee = self.committee

        committee_name = self.committee_name

        basis = self.basis.value

        status = self.status.value

        version = self.version

        requested_at = self.requested_at

        allowed_actions = self.allowed_actions



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

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        proof_photos: list[str] | Unset = UNSET
        if not isinstance(self.proof_photos, Unset):
            proof_photos = self.proof_photos



        proof_photo_urls: list[str] | Unset = UNSET
        if not isinstance(self.proof_photo_urls, Unset):
            proof_photo_urls = self.proof_photo_urls



        phone_masked: None | str | Unset
        if isinstance(self.phone_masked, Unset):
            phone_masked = UNSET
        else:
            phone_masked = self.phone_masked

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        else:
            decided_at = self.decided_at

        decided_by: dict[str, Any] | None | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        elif isinstance(self.decided_by, VerifiedBy):
            decided_by = self.decided_by.to_dict()
        else:
            decided_by = self.decided_by

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
            "committee_name": committee_name,
            "basis": basis,
            "status": status,
            "version": version,
            "requested_at": requested_at,
            "allowed_actions": allowed_actions,
        })
        if building is not UNSET:
            field_dict["building"] = building
        if room is not UNSET:
            field_dict["room"] = room
        if note is not UNSET:
            field_dict["note"] = note
        if proof_photos is not UNSET:
            field_dict["proof_photos"] = proof_photos
        if proof_photo_urls is not UNSET:
            field_dict["proof_photo_urls"] = proof_photo_urls
        if phone_masked is not UNSET:
            field_dict["phone_masked"] = phone_masked
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verified_by import VerifiedBy # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        committee = d.pop("committee")

        committee_name = d.pop("committee_name")

        basis = Basis(d.pop("basis"))




        status = ResidenceStatus(d.pop("status"))




        version = d.pop("version")

        requested_at = d.pop("requested_at")

        allowed_actions = cast(list[str], d.pop("allowed_actions"))


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


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        proof_photos = cast(list[str], d.pop("proof_photos", UNSET))


        proof_photo_urls = cast(list[str], d.pop("proof_photo_urls", UNSET))


        def _parse_phone_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked", UNSET))


        def _parse_decided_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        def _parse_decided_by(data: object) -> None | Unset | VerifiedBy:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decided_by_type_0 = VerifiedBy.from_dict(data)



                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerifiedBy, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        review_item = cls(
            id=id,
            committee=committee,
            committee_name=committee_name,
            basis=basis,
            status=status,
            version=version,
            requested_at=requested_at,
            allowed_actions=allowed_actions,
            building=building,
            room=room,
            note=note,
            proof_photos=proof_photos,
            proof_photo_urls=proof_photo_urls,
            phone_masked=phone_masked,
            decided_at=decided_at,
            decided_by=decided_by,
            reason=reason,
        )


        review_item.additional_properties = d
        return review_item

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
