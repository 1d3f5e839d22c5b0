from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AssignSuggestionRequest")



@_attrs_define
class AssignSuggestionRequest:
    """ Assign a case to a committee of the street or to one of its departments: exactly one of the two.

        Attributes:
            version (int | None | Unset): the version last seen; refused (409) if stale
            committee (None | str | Unset): a committee of the street
            department (None | str | Unset): e.g. 城建办, 平安办
            reason (None | str | Unset): a note for the timeline
     """

    version: int | None | Unset = UNSET
    committee: None | str | Unset = UNSET
    department: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        committee: None | str | Unset
        if isinstance(self.committee, Unset):
            committee = UNSET
        else:
            committee = self.committee

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if version is not UNSET:
            field_dict["version"] = version
        if committee is not UNSET:
            field_dict["committee"] = committee
        if department is not UNSET:
            field_dict["department"] = department
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        def _parse_committee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        committee = _parse_committee(d.pop("committee", UNSET))


        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        assign_suggestion_request = cls(
            version=version,
            committee=committee,
            department=department,
            reason=reason,
        )

        return assign_suggestion_request

