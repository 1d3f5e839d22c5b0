from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.index_entry import IndexEntry





T = TypeVar("T", bound="IndexEntryList")



@_attrs_define
class IndexEntryList:
    """ 
        Attributes:
            division (str):
            entries (list[IndexEntry]): newest quarter first
     """

    division: str
    entries: list[IndexEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.index_entry import IndexEntry # noqa: PLC0415
        division = self.division

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "division": division,
            "entries": entries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_entry import IndexEntry # noqa: PLC0415
        d = dict(src_dict)
        division = d.pop("division")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in (_entries):
            entries_item = IndexEntry.from_dict(entries_item_data)



            entries.append(entries_item)


        index_entry_list = cls(
            division=division,
            entries=entries,
        )


        index_entry_list.additional_properties = d
        return index_entry_list

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
