from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.index_entry_values import IndexEntryValues





T = TypeVar("T", bound="IndexEntryUpdate")



@_attrs_define
class IndexEntryUpdate:
    """ 
        Attributes:
            values (IndexEntryValues): What the street counted in the quarter; leave out what it did not count.
            evidence (list[str]): keys of photos the caller uploaded (POST /uploads/photos): minutes, sign-in sheets
            note (None | str | Unset):
            version (int | None | Unset): the version read, to replace an entry; none to create one (409 if stale)
     """

    values: IndexEntryValues
    evidence: list[str]
    note: None | str | Unset = UNSET
    version: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.index_entry_values import IndexEntryValues # noqa: PLC0415
        values = self.values.to_dict()

        evidence = self.evidence



        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "values": values,
            "evidence": evidence,
        })
        if note is not UNSET:
            field_dict["note"] = note
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_entry_values import IndexEntryValues # noqa: PLC0415
        d = dict(src_dict)
        values = IndexEntryValues.from_dict(d.pop("values"))




        evidence = cast(list[str], d.pop("evidence"))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        index_entry_update = cls(
            values=values,
            evidence=evidence,
            note=note,
            version=version,
        )

        return index_entry_update

