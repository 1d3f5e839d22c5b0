from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProposalCreate")



@_attrs_define
class ProposalCreate:
    """ 
        Attributes:
            title (str):
            description (str):
            estimated_cost_fen (int):
            location (None | str | Unset):
            photos (list[str] | Unset):
     """

    title: str
    description: str
    estimated_cost_fen: int
    location: None | str | Unset = UNSET
    photos: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        estimated_cost_fen = self.estimated_cost_fen

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
            "description": description,
            "estimated_cost_fen": estimated_cost_fen,
        })
        if location is not UNSET:
            field_dict["location"] = location
        if photos is not UNSET:
            field_dict["photos"] = photos

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description")

        estimated_cost_fen = d.pop("estimated_cost_fen")

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        photos = cast(list[str], d.pop("photos", UNSET))


        proposal_create = cls(
            title=title,
            description=description,
            estimated_cost_fen=estimated_cost_fen,
            location=location,
            photos=photos,
        )

        return proposal_create

