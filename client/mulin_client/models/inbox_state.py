from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InboxState")



@_attrs_define
class InboxState:
    """ 
        Attributes:
            unread (int): messages newer than read_until, at most 100 (show 99+ beyond 99)
            read_until (None | str | Unset): the newest message time marked read; null: none yet
     """

    unread: int
    read_until: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        unread = self.unread

        read_until: None | str | Unset
        if isinstance(self.read_until, Unset):
            read_until = UNSET
        else:
            read_until = self.read_until


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "unread": unread,
        })
        if read_until is not UNSET:
            field_dict["read_until"] = read_until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unread = d.pop("unread")

        def _parse_read_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        read_until = _parse_read_until(d.pop("read_until", UNSET))


        inbox_state = cls(
            unread=unread,
            read_until=read_until,
        )


        inbox_state.additional_properties = d
        return inbox_state

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
