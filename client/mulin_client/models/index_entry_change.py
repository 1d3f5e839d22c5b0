from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.index_entry_figures import IndexEntryFigures





T = TypeVar("T", bound="IndexEntryChange")



@_attrs_define
class IndexEntryChange:
    """ 
        Attributes:
            at (str):
            action (str): index_entry.created or index_entry.replaced
            actor_role (str):
            values (IndexEntryFigures): What an entry holds: the entered indicators given, the others null.
     """

    at: str
    action: str
    actor_role: str
    values: IndexEntryFigures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.index_entry_figures import IndexEntryFigures # noqa: PLC0415
        at = self.at

        action = self.action

        actor_role = self.actor_role

        values = self.values.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "action": action,
            "actor_role": actor_role,
            "values": values,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_entry_figures import IndexEntryFigures # noqa: PLC0415
        d = dict(src_dict)
        at = d.pop("at")

        action = d.pop("action")

        actor_role = d.pop("actor_role")

        values = IndexEntryFigures.from_dict(d.pop("values"))




        index_entry_change = cls(
            at=at,
            action=action,
            actor_role=actor_role,
            values=values,
        )


        index_entry_change.additional_properties = d
        return index_entry_change

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
