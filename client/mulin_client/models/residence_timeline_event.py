from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.residence_status import ResidenceStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ResidenceTimelineEvent")



@_attrs_define
class ResidenceTimelineEvent:
    """ 
        Attributes:
            at (str):
            action (str): request, approve, decline, revoke or end (a later move)
            status (ResidenceStatus):
            actor_role (str):
            reason (None | str | Unset):
     """

    at: str
    action: str
    status: ResidenceStatus
    actor_role: str
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = self.at

        action = self.action

        status = self.status.value

        actor_role = self.actor_role

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "action": action,
            "status": status,
            "actor_role": actor_role,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = d.pop("at")

        action = d.pop("action")

        status = ResidenceStatus(d.pop("status"))




        actor_role = d.pop("actor_role")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        residence_timeline_event = cls(
            at=at,
            action=action,
            status=status,
            actor_role=actor_role,
            reason=reason,
        )


        residence_timeline_event.additional_properties = d
        return residence_timeline_event

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
