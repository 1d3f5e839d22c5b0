from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Notification")



@_attrs_define
class Notification:
    """ 
        Attributes:
            id (str):
            at (str):
            subject_type (str): what the message is about, e.g. suggestion
            subject_id (str):
            event (str): the step that happened, e.g. accept, reply, transfer
            text (str): Chinese
            text_en (str):
            tracking_no (None | str | Unset):
            status (None | str | Unset):
     """

    id: str
    at: str
    subject_type: str
    subject_id: str
    event: str
    text: str
    text_en: str
    tracking_no: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at

        subject_type = self.subject_type

        subject_id = self.subject_id

        event = self.event

        text = self.text

        text_en = self.text_en

        tracking_no: None | str | Unset
        if isinstance(self.tracking_no, Unset):
            tracking_no = UNSET
        else:
            tracking_no = self.tracking_no

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "at": at,
            "subject_type": subject_type,
            "subject_id": subject_id,
            "event": event,
            "text": text,
            "text_en": text_en,
        })
        if tracking_no is not UNSET:
            field_dict["tracking_no"] = tracking_no
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        at = d.pop("at")

        subject_type = d.pop("subject_type")

        subject_id = d.pop("subject_id")

        event = d.pop("event")

        text = d.pop("text")

        text_en = d.pop("text_en")

        def _parse_tracking_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracking_no = _parse_tracking_no(d.pop("tracking_no", UNSET))


        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        notification = cls(
            id=id,
            at=at,
            subject_type=subject_type,
            subject_id=subject_id,
            event=event,
            text=text,
            text_en=text_en,
            tracking_no=tracking_no,
            status=status,
        )


        notification.additional_properties = d
        return notification

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
