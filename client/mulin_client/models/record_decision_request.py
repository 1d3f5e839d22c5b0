from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RecordDecisionRequest")



@_attrs_define
class RecordDecisionRequest:
    """ 
        Attributes:
            text (str): the decision (决议)
            votes_for (int):
            votes_against (int):
            votes_abstain (int):
     """

    text: str
    votes_for: int
    votes_against: int
    votes_abstain: int





    def to_dict(self) -> dict[str, Any]:
        text = self.text

        votes_for = self.votes_for

        votes_against = self.votes_against

        votes_abstain = self.votes_abstain


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "text": text,
            "votes_for": votes_for,
            "votes_against": votes_against,
            "votes_abstain": votes_abstain,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        votes_for = d.pop("votes_for")

        votes_against = d.pop("votes_against")

        votes_abstain = d.pop("votes_abstain")

        record_decision_request = cls(
            text=text,
            votes_for=votes_for,
            votes_against=votes_against,
            votes_abstain=votes_abstain,
        )

        return record_decision_request

