from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ProjectResult")



@_attrs_define
class ProjectResult:
    """ 
        Attributes:
            id (str):
            title (str):
            cost_fen (int):
            score (int):
            selected (bool):
            reason (str):
     """

    id: str
    title: str
    cost_fen: int
    score: int
    selected: bool
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        cost_fen = self.cost_fen

        score = self.score

        selected = self.selected

        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "title": title,
            "cost_fen": cost_fen,
            "score": score,
            "selected": selected,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        cost_fen = d.pop("cost_fen")

        score = d.pop("score")

        selected = d.pop("selected")

        reason = d.pop("reason")

        project_result = cls(
            id=id,
            title=title,
            cost_fen=cost_fen,
            score=score,
            selected=selected,
            reason=reason,
        )


        project_result.additional_properties = d
        return project_result

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
