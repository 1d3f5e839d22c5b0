from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.basis import Basis
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CurrentResidence")



@_attrs_define
class CurrentResidence:
    """ 
        Attributes:
            committee (str):
            in_token (bool): the caller's token carries it already; if not, sign in again to use it
            committee_name (None | str | Unset):
            since (None | str | Unset): when staff verified it (absent for one set before records)
            basis (Basis | None | Unset):
            request_id (None | str | Unset):
     """

    committee: str
    in_token: bool
    committee_name: None | str | Unset = UNSET
    since: None | str | Unset = UNSET
    basis: Basis | None | Unset = UNSET
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        committee = self.committee

        in_token = self.in_token

        committee_name: None | str | Unset
        if isinstance(self.committee_name, Unset):
            committee_name = UNSET
        else:
            committee_name = self.committee_name

        since: None | str | Unset
        if isinstance(self.since, Unset):
            since = UNSET
        else:
            since = self.since

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        elif isinstance(self.basis, Basis):
            basis = self.basis.value
        else:
            basis = self.basis

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "committee": committee,
            "in_token": in_token,
        })
        if committee_name is not UNSET:
            field_dict["committee_name"] = committee_name
        if since is not UNSET:
            field_dict["since"] = since
        if basis is not UNSET:
            field_dict["basis"] = basis
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        committee = d.pop("committee")

        in_token = d.pop("in_token")

        def _parse_committee_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        committee_name = _parse_committee_name(d.pop("committee_name", UNSET))


        def _parse_since(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        since = _parse_since(d.pop("since", UNSET))


        def _parse_basis(data: object) -> Basis | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                basis_type_0 = Basis(data)



                return basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Basis | None | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))


        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))


        current_residence = cls(
            committee=committee,
            in_token=in_token,
            committee_name=committee_name,
            since=since,
            basis=basis,
            request_id=request_id,
        )


        current_residence.additional_properties = d
        return current_residence

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
