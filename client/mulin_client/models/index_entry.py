from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.index_entry_change import IndexEntryChange
  from ..models.index_entry_figures import IndexEntryFigures





T = TypeVar("T", bound="IndexEntry")



@_attrs_define
class IndexEntry:
    """ 
        Attributes:
            division (str):
            quarter (str):
            values (IndexEntryFigures): What an entry holds: the entered indicators given, the others null.
            evidence (list[str]): links to the evidence photos, valid for an hour
            note (None | str):
            entered_at (str):
            entered_by_role (str):
            version (int):
            history (list[IndexEntryChange]): every change, oldest first (the audit trail)
     """

    division: str
    quarter: str
    values: IndexEntryFigures
    evidence: list[str]
    note: None | str
    entered_at: str
    entered_by_role: str
    version: int
    history: list[IndexEntryChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.index_entry_change import IndexEntryChange # noqa: PLC0415
        from ..models.index_entry_figures import IndexEntryFigures # noqa: PLC0415
        division = self.division

        quarter = self.quarter

        values = self.values.to_dict()

        evidence = self.evidence



        note: None | str
        note = self.note

        entered_at = self.entered_at

        entered_by_role = self.entered_by_role

        version = self.version

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "division": division,
            "quarter": quarter,
            "values": values,
            "evidence": evidence,
            "note": note,
            "entered_at": entered_at,
            "entered_by_role": entered_by_role,
            "version": version,
            "history": history,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_entry_change import IndexEntryChange # noqa: PLC0415
        from ..models.index_entry_figures import IndexEntryFigures # noqa: PLC0415
        d = dict(src_dict)
        division = d.pop("division")

        quarter = d.pop("quarter")

        values = IndexEntryFigures.from_dict(d.pop("values"))




        evidence = cast(list[str], d.pop("evidence"))


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        entered_at = d.pop("entered_at")

        entered_by_role = d.pop("entered_by_role")

        version = d.pop("version")

        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = IndexEntryChange.from_dict(history_item_data)



            history.append(history_item)


        index_entry = cls(
            division=division,
            quarter=quarter,
            values=values,
            evidence=evidence,
            note=note,
            entered_at=entered_at,
            entered_by_role=entered_by_role,
            version=version,
            history=history,
        )


        index_entry.additional_properties = d
        return index_entry

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
