from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.index_text import IndexText





T = TypeVar("T", bound="IndexDimension")



@_attrs_define
class IndexDimension:
    """ 
        Attributes:
            id (str): self_governance 自治, co_governance 共治, rule_of_law 法治, civic_virtue 德治
            name (IndexText):
            score (float | None): the weighted mean of the dimension's indicators with a value, 0–100
     """

    id: str
    name: IndexText
    score: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.index_text import IndexText # noqa: PLC0415
        id = self.id

        name = self.name.to_dict()

        score: float | None
        score = self.score


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "score": score,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_text import IndexText # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = IndexText.from_dict(d.pop("name"))




        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        index_dimension = cls(
            id=id,
            name=name,
            score=score,
        )


        index_dimension.additional_properties = d
        return index_dimension

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
