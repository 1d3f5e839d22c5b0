from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ballot_change import BallotChange





T = TypeVar("T", bound="BallotRequest")



@_attrs_define
class BallotRequest:
    """ 
        Attributes:
            picks (list[str]): project ids
            points (list[int] | None | Unset): cumulative: points per pick, in the same order
            code (None | str | Unset): a paper voting code
            replaces (BallotChange | None | Unset):
     """

    picks: list[str]
    points: list[int] | None | Unset = UNSET
    code: None | str | Unset = UNSET
    replaces: BallotChange | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.ballot_change import BallotChange # noqa: PLC0415
        picks = self.picks



        points: list[int] | None | Unset
        if isinstance(self.points, Unset):
            points = UNSET
        elif isinstance(self.points, list):
            points = self.points


        else:
            points = self.points

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        replaces: dict[str, Any] | None | Unset
        if isinstance(self.replaces, Unset):
            replaces = UNSET
        elif isinstance(self.replaces, BallotChange):
            replaces = self.replaces.to_dict()
        else:
            replaces = self.replaces


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "picks": picks,
        })
        if points is not UNSET:
            field_dict["points"] = points
        if code is not UNSET:
            field_dict["code"] = code
        if replaces is not UNSET:
            field_dict["replaces"] = replaces

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ballot_change import BallotChange # noqa: PLC0415
        d = dict(src_dict)
        picks = cast(list[str], d.pop("picks"))


        def _parse_points(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                points_type_0 = cast(list[int], data)

                return points_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        points = _parse_points(d.pop("points", UNSET))


        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))


        def _parse_replaces(data: object) -> BallotChange | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                replaces_type_0 = BallotChange.from_dict(data)



                return replaces_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BallotChange | None | Unset, data)

        replaces = _parse_replaces(d.pop("replaces", UNSET))


        ballot_request = cls(
            picks=picks,
            points=points,
            code=code,
            replaces=replaces,
        )

        return ballot_request

