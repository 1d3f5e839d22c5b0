from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.adoption import Adoption
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ActionRequest")



@_attrs_define
class ActionRequest:
    """ One body for every review action; which fields an action needs is a rule (rules.REQUIRED_FIELDS).

        Attributes:
            version (int | None | Unset): the version last seen; refused if stale
            reason (None | str | Unset):
            message (None | str | Unset): the reply text
            adoption (Adoption | None | Unset):
            committee (None | str | Unset):
            department (None | str | Unset): e.g. 城建办, 平安办
            to_street (None | str | Unset):
            into (None | str | Unset): merge: the open case to merge into
            days (int | None | Unset): extend: days added to the reply deadline
     """

    version: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    adoption: Adoption | None | Unset = UNSET
    committee: None | str | Unset = UNSET
    department: None | str | Unset = UNSET
    to_street: None | str | Unset = UNSET
    into: None | str | Unset = UNSET
    days: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        adoption: None | str | Unset
        if isinstance(self.adoption, Unset):
            adoption = UNSET
        elif isinstance(self.adoption, Adoption):
            adoption = self.adoption.value
        else:
            adoption = self.adoption

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

        to_street: None | str | Unset
        if isinstance(self.to_street, Unset):
            to_street = UNSET
        else:
            to_street = self.to_street

        into: None | str | Unset
        if isinstance(self.into, Unset):
            into = UNSET
        else:
            into = self.into

        days: int | None | Unset
        if isinstance(self.days, Unset):
            days = UNSET
        else:
            days = self.days


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if version is not UNSET:
            field_dict["version"] = version
        if reason is not UNSET:
            field_dict["reason"] = reason
        if message is not UNSET:
            field_dict["message"] = message
        if adoption is not UNSET:
            field_dict["adoption"] = adoption
        if committee is not UNSET:
            field_dict["committee"] = committee
        if department is not UNSET:
            field_dict["department"] = department
        if to_street is not UNSET:
            field_dict["to_street"] = to_street
        if into is not UNSET:
            field_dict["into"] = into
        if days is not UNSET:
            field_dict["days"] = days

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


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        def _parse_adoption(data: object) -> Adoption | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adoption_type_0 = Adoption(data)



                return adoption_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Adoption | None | Unset, data)

        adoption = _parse_adoption(d.pop("adoption", UNSET))


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


        def _parse_to_street(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_street = _parse_to_street(d.pop("to_street", UNSET))


        def _parse_into(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        into = _parse_into(d.pop("into", UNSET))


        def _parse_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days = _parse_days(d.pop("days", UNSET))


        action_request = cls(
            version=version,
            reason=reason,
            message=message,
            adoption=adoption,
            committee=committee,
            department=department,
            to_street=to_street,
            into=into,
            days=days,
        )

        return action_request

