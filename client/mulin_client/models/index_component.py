from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.indicator_kind import IndicatorKind
from ..models.indicator_method import IndicatorMethod
from typing import cast

if TYPE_CHECKING:
  from ..models.index_text import IndexText





T = TypeVar("T", bound="IndexComponent")



@_attrs_define
class IndexComponent:
    """ 
        Attributes:
            id (str):
            name (IndexText):
            dimension (str):
            kind (IndicatorKind):
            method (IndicatorMethod):
            value (float | None): the raw value, null without data or when withheld
            normalised (float | None): 0–100, from the published value
            weight (float):
            target (float): the value that scores 100
            formula (IndexText):
            source (IndexText):
            suppressed (bool): withheld: it rests on fewer people than the disclosure threshold
     """

    id: str
    name: IndexText
    dimension: str
    kind: IndicatorKind
    method: IndicatorMethod
    value: float | None
    normalised: float | None
    weight: float
    target: float
    formula: IndexText
    source: IndexText
    suppressed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.index_text import IndexText # noqa: PLC0415
        id = self.id

        name = self.name.to_dict()

        dimension = self.dimension

        kind = self.kind.value

        method = self.method.value

        value: float | None
        value = self.value

        normalised: float | None
        normalised = self.normalised

        weight = self.weight

        target = self.target

        formula = self.formula.to_dict()

        source = self.source.to_dict()

        suppressed = self.suppressed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "dimension": dimension,
            "kind": kind,
            "method": method,
            "value": value,
            "normalised": normalised,
            "weight": weight,
            "target": target,
            "formula": formula,
            "source": source,
            "suppressed": suppressed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_text import IndexText # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = IndexText.from_dict(d.pop("name"))




        dimension = d.pop("dimension")

        kind = IndicatorKind(d.pop("kind"))




        method = IndicatorMethod(d.pop("method"))




        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))


        def _parse_normalised(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        normalised = _parse_normalised(d.pop("normalised"))


        weight = d.pop("weight")

        target = d.pop("target")

        formula = IndexText.from_dict(d.pop("formula"))




        source = IndexText.from_dict(d.pop("source"))




        suppressed = d.pop("suppressed")

        index_component = cls(
            id=id,
            name=name,
            dimension=dimension,
            kind=kind,
            method=method,
            value=value,
            normalised=normalised,
            weight=weight,
            target=target,
            formula=formula,
            source=source,
            suppressed=suppressed,
        )


        index_component.additional_properties = d
        return index_component

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
