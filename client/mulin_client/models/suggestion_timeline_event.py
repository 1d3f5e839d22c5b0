from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.suggestion_status import SuggestionStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.suggestion_timeline_event_details import SuggestionTimelineEventDetails





T = TypeVar("T", bound="SuggestionTimelineEvent")



@_attrs_define
class SuggestionTimelineEvent:
    """ 
        Attributes:
            at (str):
            action (str):
            actor_role (str):
            status_from (None | SuggestionStatus | Unset):
            status_to (None | SuggestionStatus | Unset):
            actor_division (None | str | Unset):
            actor_id (None | str | Unset): officials only
            message (None | str | Unset):
            reason (None | str | Unset):
            details (SuggestionTimelineEventDetails | Unset):
     """

    at: str
    action: str
    actor_role: str
    status_from: None | SuggestionStatus | Unset = UNSET
    status_to: None | SuggestionStatus | Unset = UNSET
    actor_division: None | str | Unset = UNSET
    actor_id: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    details: SuggestionTimelineEventDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.suggestion_timeline_event_details import SuggestionTimelineEventDetails # noqa: PLC0415
        at = self.at

        action = self.action

        actor_role = self.actor_role

        status_from: None | str | Unset
        if isinstance(self.status_from, Unset):
            status_from = UNSET
        elif isinstance(self.status_from, SuggestionStatus):
            status_from = self.status_from.value
        else:
            status_from = self.status_from

        status_to: None | str | Unset
        if isinstance(self.status_to, Unset):
            status_to = UNSET
        elif isinstance(self.status_to, SuggestionStatus):
            status_to = self.status_to.value
        else:
            status_to = self.status_to

        actor_division: None | str | Unset
        if isinstance(self.actor_division, Unset):
            actor_division = UNSET
        else:
            actor_division = self.actor_division

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "action": action,
            "actor_role": actor_role,
        })
        if status_from is not UNSET:
            field_dict["status_from"] = status_from
        if status_to is not UNSET:
            field_dict["status_to"] = status_to
        if actor_division is not UNSET:
            field_dict["actor_division"] = actor_division
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if message is not UNSET:
            field_dict["message"] = message
        if reason is not UNSET:
            field_dict["reason"] = reason
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.suggestion_timeline_event_details import SuggestionTimelineEventDetails # noqa: PLC0415
        d = dict(src_dict)
        at = d.pop("at")

        action = d.pop("action")

        actor_role = d.pop("actor_role")

        def _parse_status_from(data: object) -> None | SuggestionStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_from_type_0 = SuggestionStatus(data)



                return status_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SuggestionStatus | Unset, data)

        status_from = _parse_status_from(d.pop("status_from", UNSET))


        def _parse_status_to(data: object) -> None | SuggestionStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_to_type_0 = SuggestionStatus(data)



                return status_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SuggestionStatus | Unset, data)

        status_to = _parse_status_to(d.pop("status_to", UNSET))


        def _parse_actor_division(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_division = _parse_actor_division(d.pop("actor_division", UNSET))


        def _parse_actor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))


        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        _details = d.pop("details", UNSET)
        details: SuggestionTimelineEventDetails | Unset
        if isinstance(_details,  Unset):
            details = UNSET
        else:
            details = SuggestionTimelineEventDetails.from_dict(_details)




        suggestion_timeline_event = cls(
            at=at,
            action=action,
            actor_role=actor_role,
            status_from=status_from,
            status_to=status_to,
            actor_division=actor_division,
            actor_id=actor_id,
            message=message,
            reason=reason,
            details=details,
        )


        suggestion_timeline_event.additional_properties = d
        return suggestion_timeline_event

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
