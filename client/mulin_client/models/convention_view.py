from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ConventionView")



@_attrs_define
class ConventionView:
    """ 
        Attributes:
            id (str):
            division (str):
            title (str):
            text (str):
            meeting_id (str):
            decision_id (str):
            votes_for (int):
            votes_against (int):
            votes_abstain (int):
            published_at (str):
     """

    id: str
    division: str
    title: str
    text: str
    meeting_id: str
    decision_id: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    published_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        division = self.division

        title = self.title

        text = self.text

        meeting_id = self.meeting_id

        decision_id = self.decision_id

        votes_for = self.votes_for

        votes_against = self.votes_against

        votes_abstain = self.votes_abstain

        published_at = self.published_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "division": division,
            "title": title,
            "text": text,
            "meeting_id": meeting_id,
            "decision_id": decision_id,
            "votes_for": votes_for,
            "votes_against": votes_against,
            "votes_abstain": votes_abstain,
            "published_at": published_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        division = d.pop("division")

        title = d.pop("title")

        text = d.pop("text")

        meeting_id = d.pop("meeting_id")

        decision_id = d.pop("decision_id")

        votes_for = d.pop("votes_for")

        votes_against = d.pop("votes_against")

        votes_abstain = d.pop("votes_abstain")

        published_at = d.pop("published_at")

        convention_view = cls(
            id=id,
            division=division,
            title=title,
            text=text,
            meeting_id=meeting_id,
            decision_id=decision_id,
            votes_for=votes_for,
            votes_against=votes_against,
            votes_abstain=votes_abstain,
            published_at=published_at,
        )


        convention_view.additional_properties = d
        return convention_view

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
