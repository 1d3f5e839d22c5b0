from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Eligibility")



@_attrs_define
class Eligibility:
    """ 
        Attributes:
            accounts (bool | Unset): residents whose verified residence is in the scope Default: True.
            roster (bool | Unset): phone numbers on the roster the committee uploads Default: False.
            paper_codes (bool | Unset): single-use codes printed for households Default: False.
     """

    accounts: bool | Unset = True
    roster: bool | Unset = False
    paper_codes: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts

        roster = self.roster

        paper_codes = self.paper_codes


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if accounts is not UNSET:
            field_dict["accounts"] = accounts
        if roster is not UNSET:
            field_dict["roster"] = roster
        if paper_codes is not UNSET:
            field_dict["paper_codes"] = paper_codes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounts = d.pop("accounts", UNSET)

        roster = d.pop("roster", UNSET)

        paper_codes = d.pop("paper_codes", UNSET)

        eligibility = cls(
            accounts=accounts,
            roster=roster,
            paper_codes=paper_codes,
        )

        return eligibility

