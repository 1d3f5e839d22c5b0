from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.meeting_action import MeetingAction
from ..models.meeting_kind import MeetingKind
from ..models.meeting_status import MeetingStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.decision_view import DecisionView
  from ..models.minutes_view import MinutesView
  from ..models.registration_view import RegistrationView





T = TypeVar("T", bound="MeetingDetail")



@_attrs_define
class MeetingDetail:
    """ 
        Attributes:
            id (str):
            kind (MeetingKind):
            division (str):
            title (str):
            starts_at (str):
            ends_at (str):
            place (str):
            status (MeetingStatus):
            registered (int):
            agenda (str):
            topic_ids (list[str]):
            version (int):
            capacity (int | None | Unset):
            attendance (int | None | Unset):
            minutes (MinutesView | None | Unset):
            decisions (list[DecisionView] | Unset):
            cancelled_reason (None | str | Unset):
            my_registration (None | str | Unset): the caller's registration id, if registered
            registrations (list[RegistrationView] | None | Unset): officials only
            allowed_actions (list[MeetingAction] | Unset): what the caller may do next
     """

    id: str
    kind: MeetingKind
    division: str
    title: str
    starts_at: str
    ends_at: str
    place: str
    status: MeetingStatus
    registered: int
    agenda: str
    topic_ids: list[str]
    version: int
    capacity: int | None | Unset = UNSET
    attendance: int | None | Unset = UNSET
    minutes: MinutesView | None | Unset = UNSET
    decisions: list[DecisionView] | Unset = UNSET
    cancelled_reason: None | str | Unset = UNSET
    my_registration: None | str | Unset = UNSET
    registrations: list[RegistrationView] | None | Unset = UNSET
    allowed_actions: list[MeetingAction] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.decision_view import DecisionView # noqa: PLC0415
        from ..models.minutes_view import MinutesView # noqa: PLC0415
        from ..models.registration_view import RegistrationView # noqa: PLC0415
        id = self.id

        kind = self.kind.value

        division = self.division

        title = self.title

        starts_at = self.starts_at

        ends_at = self.ends_at

        place = self.place

        status = self.status.value

        registered = self.registered

        agenda = self.agenda

        topic_ids = self.topic_ids



        version = self.version

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        attendance: int | None | Unset
        if isinstance(self.attendance, Unset):
            attendance = UNSET
        else:
            attendance = self.attendance

        minutes: dict[str, Any] | None | Unset
        if isinstance(self.minutes, Unset):
            minutes = UNSET
        elif isinstance(self.minutes, MinutesView):
            minutes = self.minutes.to_dict()
        else:
            minutes = self.minutes

        decisions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.decisions, Unset):
            decisions = []
            for decisions_item_data in self.decisions:
                decisions_item = decisions_item_data.to_dict()
                decisions.append(decisions_item)



        cancelled_reason: None | str | Unset
        if isinstance(self.cancelled_reason, Unset):
            cancelled_reason = UNSET
        else:
            cancelled_reason = self.cancelled_reason

        my_registration: None | str | Unset
        if isinstance(self.my_registration, Unset):
            my_registration = UNSET
        else:
            my_registration = self.my_registration

        registrations: list[dict[str, Any]] | None | Unset
        if isinstance(self.registrations, Unset):
            registrations = UNSET
        elif isinstance(self.registrations, list):
            registrations = []
            for registrations_type_0_item_data in self.registrations:
                registrations_type_0_item = registrations_type_0_item_data.to_dict()
                registrations.append(registrations_type_0_item)


        else:
            registrations = self.registrations

        allowed_actions: list[str] | Unset = UNSET
        if not isinstance(self.allowed_actions, Unset):
            allowed_actions = []
            for allowed_actions_item_data in self.allowed_actions:
                allowed_actions_item = allowed_actions_item_data.value
                allowed_actions.append(allowed_actions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "division": division,
            "title": title,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "place": place,
            "status": status,
            "registered": registered,
            "agenda": agenda,
            "topic_ids": topic_ids,
            "version": version,
        })
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if attendance is not UNSET:
            field_dict["attendance"] = attendance
        if minutes is not UNSET:
            field_dict["minutes"] = minutes
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if cancelled_reason is not UNSET:
            field_dict["cancelled_reason"] = cancelled_reason
        if my_registration is not UNSET:
            field_dict["my_registration"] = my_registration
        if registrations is not UNSET:
            field_dict["registrations"] = registrations
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_view import DecisionView # noqa: PLC0415
        from ..models.minutes_view import MinutesView # noqa: PLC0415
        from ..models.registration_view import RegistrationView # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = MeetingKind(d.pop("kind"))




        division = d.pop("division")

        title = d.pop("title")

        starts_at = d.pop("starts_at")

        ends_at = d.pop("ends_at")

        place = d.pop("place")

        status = MeetingStatus(d.pop("status"))




        registered = d.pop("registered")

        agenda = d.pop("agenda")

        topic_ids = cast(list[str], d.pop("topic_ids"))


        version = d.pop("version")

        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_attendance(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendance = _parse_attendance(d.pop("attendance", UNSET))


        def _parse_minutes(data: object) -> MinutesView | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                minutes_type_0 = MinutesView.from_dict(data)



                return minutes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MinutesView | None | Unset, data)

        minutes = _parse_minutes(d.pop("minutes", UNSET))


        _decisions = d.pop("decisions", UNSET)
        decisions: list[DecisionView] | Unset = UNSET
        if _decisions is not UNSET:
            decisions = []
            for decisions_item_data in _decisions:
                decisions_item = DecisionView.from_dict(decisions_item_data)



                decisions.append(decisions_item)


        def _parse_cancelled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancelled_reason = _parse_cancelled_reason(d.pop("cancelled_reason", UNSET))


        def _parse_my_registration(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        my_registration = _parse_my_registration(d.pop("my_registration", UNSET))


        def _parse_registrations(data: object) -> list[RegistrationView] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                registrations_type_0 = []
                _registrations_type_0 = data
                for registrations_type_0_item_data in (_registrations_type_0):
                    registrations_type_0_item = RegistrationView.from_dict(registrations_type_0_item_data)



                    registrations_type_0.append(registrations_type_0_item)

                return registrations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RegistrationView] | None | Unset, data)

        registrations = _parse_registrations(d.pop("registrations", UNSET))


        _allowed_actions = d.pop("allowed_actions", UNSET)
        allowed_actions: list[MeetingAction] | Unset = UNSET
        if _allowed_actions is not UNSET:
            allowed_actions = []
            for allowed_actions_item_data in _allowed_actions:
                allowed_actions_item = MeetingAction(allowed_actions_item_data)



                allowed_actions.append(allowed_actions_item)


        meeting_detail = cls(
            id=id,
            kind=kind,
            division=division,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            status=status,
            registered=registered,
            agenda=agenda,
            topic_ids=topic_ids,
            version=version,
            capacity=capacity,
            attendance=attendance,
            minutes=minutes,
            decisions=decisions,
            cancelled_reason=cancelled_reason,
            my_registration=my_registration,
            registrations=registrations,
            allowed_actions=allowed_actions,
        )


        meeting_detail.additional_properties = d
        return meeting_detail

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
