from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TopicSubmission")



@_attrs_define
class TopicSubmission:
    """ 
        Attributes:
            division (str): the committee (or street, for cross-committee matters)
            title (str): 议题
            background (str): 背景
            proposal (str): 建议做法
            photos (list[str] | Unset): keys returned by POST /uploads/photos, uploaded already
     """

    division: str
    title: str
    background: str
    proposal: str
    photos: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        division = self.division

        title = self.title

        background = self.background

        proposal = self.proposal

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "division": division,
            "title": title,
            "background": background,
            "proposal": proposal,
        })
        if photos is not UNSET:
            field_dict["photos"] = photos

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        division = d.pop("division")

        title = d.pop("title")

        background = d.pop("background")

        proposal = d.pop("proposal")

        photos = cast(list[str], d.pop("photos", UNSET))


        topic_submission = cls(
            division=division,
            title=title,
            background=background,
            proposal=proposal,
            photos=photos,
        )

        return topic_submission

