from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.nomination_source import NominationSource
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="NominationCreate")



@_attrs_define
class NominationCreate:
    """ A committee names one of its completed projects of the selection's year; what the
    candidate shows (title, scores, photos, spending) is copied from the records, not typed in.

        Attributes:
            source (NominationSource):
            id (None | str | Unset): fund_application: the application
            round_ (None | str | Unset): round_project: the round
            project (None | str | Unset): round_project: the project in it
     """

    source: NominationSource
    id: None | str | Unset = UNSET
    round_: None | str | Unset = UNSET
    project: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        round_: None | str | Unset
        if isinstance(self.round_, Unset):
            round_ = UNSET
        else:
            round_ = self.round_

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "source": source,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if round_ is not UNSET:
            field_dict["round"] = round_
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = NominationSource(d.pop("source"))




        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_round_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        round_ = _parse_round_(d.pop("round", UNSET))


        def _parse_project(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project = _parse_project(d.pop("project", UNSET))


        nomination_create = cls(
            source=source,
            id=id,
            round_=round_,
            project=project,
        )

        return nomination_create

