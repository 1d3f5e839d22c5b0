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
  from ..models.residence_timeline_event import ResidenceTimelineEvent





T = TypeVar("T", bound="ResidenceRequest")



@_attrs_define
class ResidenceRequest:
    """ A request as its resident sees it.

        Attributes:
            id (str):
            committee (str):
            committee_name (str):
            basis (Basis): Why the resident lives there, as a committee records it.
            status (ResidenceStatus):
            version (int):
            requested_at (str):
            building (None | str | Unset):
            room (None | str | Unset):
            note (None | str | Unset):
            proof_photos (list[str] | Unset):
            decided_at (None | str | Unset):
            reason (None | str | Unset):
            timeline (list[ResidenceTimelineEvent] | Unset):
     """

    id: str
    committee: str
    committee_name: str
    basis: Basis
    status: ResidenceStatus
    version: int
    requested_at: str
    building: None | str | Unset = UNSET
    room: None | str | Unset = UNSET
    note: None | str | Unset = UNSET
    proof_photos: list[str] | Unset = UNSET
    decided_at: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    timeline: list[ResidenceTimelineEvent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.residence_timeline_event import ResidenceTimelineEvent # noqa: PLC0415
        id = self.id

        committee = self.committee

        committee_name = self.committee_name

        basis = self.basis.value

        status = self.status.value

        version = self.version

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

        timeline: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.timeline, Unset):
            timeline = []
            for timeline_item_data in self.timeline:
                timeline_item = timeline_item_data.to_dict()
                timeline.append(timeline_item)




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
        })
        if building is not UNSET:
            field_dict["building"] = building
        if room is not UNSET:
            field_dict["room"] = room
        if note is not UNSET:
            field_dict["note"] = note
        if proof_photos is not UNSET:
            field_dict["proof_photos"] = proof_photos
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if reason is not UNSET:
            field_dict["reason"] = reason
        if timeline is not UNSET:
            field_dict["timeline"] = timeline

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.residence_timeline_event import ResidenceTimelineEvent # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        committee = d.pop("committee")

        committee_name = d.pop("committee_name")

        basis = Basis(d.pop("basis"))




        status = ResidenceStatus(d.pop("status"))




        version = d.pop("version")

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


        _timeline = d.pop("timeline", UNSET)
        timeline: list[ResidenceTimelineEvent] | Unset = UNSET
        if _timeline is not UNSET:
            timeline = []
            for timeline_item_data in _timeline:
                timeline_item = ResidenceTimelineEvent.from_dict(timeline_item_data)



                timeline.append(timeline_item)


        residence_request = cls(
            id=id,
            committee=committee,
            committee_name=committee_name,
            basis=basis,
            status=status,
            version=version,
            requested_at=requested_at,
            building=building,
            room=room,
            note=note,
            proof_photos=proof_photos,
            decided_at=decided_at,
            reason=reason,
            timeline=timeline,
        )


        residence_request.additional_properties = d
        return residence_request

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
