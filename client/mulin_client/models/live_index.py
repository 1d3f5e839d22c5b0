from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.live_index_level import LiveIndexLevel
from typing import cast

if TYPE_CHECKING:
  from ..models.index_component import IndexComponent
  from ..models.index_dimension import IndexDimension
  from ..models.index_trend_point import IndexTrendPoint





T = TypeVar("T", bound="LiveIndex")



@_attrs_define
class LiveIndex:
    """ 
        Attributes:
            division (str):
            level (LiveIndexLevel):
            name (None | str):
            version (str): the formula's version (INDEX_VERSION)
            as_of (str): when it was computed (UTC)
            first_day (str): the first Shanghai day of the four-week window
            last_day (str):
            score (float | None): 0–100; null with fewer than three indicators with a value
            dimensions (list[IndexDimension]):
            components (list[IndexComponent]):
            trend (list[IndexTrendPoint]): the score at the end of each of the last 12 ISO weeks
            minimum_people (int): indicators resting on fewer people are withheld
     """

    division: str
    level: LiveIndexLevel
    name: None | str
    version: str
    as_of: str
    first_day: str
    last_day: str
    score: float | None
    dimensions: list[IndexDimension]
    components: list[IndexComponent]
    trend: list[IndexTrendPoint]
    minimum_people: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.index_component import IndexComponent # noqa: PLC0415
        from ..models.index_dimension import IndexDimension # noqa: PLC0415
        from ..models.index_trend_point import IndexTrendPoint # noqa: PLC0415
        division = self.division

        level = self.level.value

        name: None | str
        name = self.name

        version = self.version

        as_of = self.as_of

        first_day = self.first_day

        last_day = self.last_day

        score: float | None
        score = self.score

        dimensions = []
        for dimensions_item_data in self.dimensions:
            dimensions_item = dimensions_item_data.to_dict()
            dimensions.append(dimensions_item)



        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)



        trend = []
        for trend_item_data in self.trend:
            trend_item = trend_item_data.to_dict()
            trend.append(trend_item)



        minimum_people = self.minimum_people


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "division": division,
            "level": level,
            "name": name,
            "version": version,
            "as_of": as_of,
            "first_day": first_day,
            "last_day": last_day,
            "score": score,
            "dimensions": dimensions,
            "components": components,
            "trend": trend,
            "minimum_people": minimum_people,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_component import IndexComponent # noqa: PLC0415
        from ..models.index_dimension import IndexDimension # noqa: PLC0415
        from ..models.index_trend_point import IndexTrendPoint # noqa: PLC0415
        d = dict(src_dict)
        division = d.pop("division")

        level = LiveIndexLevel(d.pop("level"))




        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        version = d.pop("version")

        as_of = d.pop("as_of")

        first_day = d.pop("first_day")

        last_day = d.pop("last_day")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        dimensions = []
        _dimensions = d.pop("dimensions")
        for dimensions_item_data in (_dimensions):
            dimensions_item = IndexDimension.from_dict(dimensions_item_data)



            dimensions.append(dimensions_item)


        components = []
        _components = d.pop("components")
        for components_item_data in (_components):
            components_item = IndexComponent.from_dict(components_item_data)



            components.append(components_item)


        trend = []
        _trend = d.pop("trend")
        for trend_item_data in (_trend):
            trend_item = IndexTrendPoint.from_dict(trend_item_data)



            trend.append(trend_item)


        minimum_people = d.pop("minimum_people")

        live_index = cls(
            division=division,
            level=level,
            name=name,
            version=version,
            as_of=as_of,
            first_day=first_day,
            last_day=last_day,
            score=score,
            dimensions=dimensions,
            components=components,
            trend=trend,
            minimum_people=minimum_people,
        )


        live_index.additional_properties = d
        return live_index

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
