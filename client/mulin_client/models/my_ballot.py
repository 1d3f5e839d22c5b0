from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MyBallot")



@_attrs_define
class MyBallot:
    """ A signed-in resident's own ballot in a round, shown to them alone.

        Attributes:
            round_id (str):
            voted (bool):
            voted_at (None | str | Unset): when the ballot that counts was cast (UTC)
            changes (int | Unset):  Default: 0.
            picks (list[str] | None | Unset): project ids; null for a ballot cast before ballots had a table of their own
            points (list[int] | None | Unset):
            published_ballot_id (None | str | Unset): once the result is published: this ballot's voter id in the ballots
                file
            ballots_file (None | str | Unset):
     """

    round_id: str
    voted: bool
    voted_at: None | str | Unset = UNSET
    changes: int | Unset = 0
    picks: list[str] | None | Unset = UNSET
    points: list[int] | None | Unset = UNSET
    published_ballot_id: None | str | Unset = UNSET
    ballots_file: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        round_id = self.round_id

        voted = self.voted

        voted_at: None | str | Unset
        if isinstance(self.voted_at, Unset):
            voted_at = UNSET
        else:
            voted_at = self.voted_at

        changes = self.changes

        picks: list[str] | None | Unset
        if isinstance(self.picks, Unset):
            picks = UNSET
        elif isinstance(self.picks, list):
            picks = self.picks


        else:
            picks = self.picks

        points: list[int] | None | Unset
        if isinstance(self.points, Unset):
            points = UNSET
        elif isinstance(self.points, list):
            points = self.points


        else:
            points = self.points

        published_ballot_id: None | str | Unset
        if isinstance(self.published_ballot_id, Unset):
            published_ballot_id = UNSET
        else:
            published_ballot_id = self.published_ballot_id

        ballots_file: None | str | Unset
        if isinstance(self.ballots_file, Unset):
            ballots_file = UNSET
        else:
            ballots_file = self.ballots_file


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "round_id": round_id,
            "voted": voted,
        })
        if voted_at is not UNSET:
            field_dict["voted_at"] = voted_at
        if changes is not UNSET:
            field_dict["changes"] = changes
        if picks is not UNSET:
            field_dict["picks"] = picks
        if points is not UNSET:
            field_dict["points"] = points
        if published_ballot_id is not UNSET:
            field_dict["published_ballot_id"] = published_ballot_id
        if ballots_file is not UNSET:
            field_dict["ballots_file"] = ballots_file

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        round_id = d.pop("round_id")

        voted = d.pop("voted")

        def _parse_voted_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voted_at = _parse_voted_at(d.pop("voted_at", UNSET))


        changes = d.pop("changes", UNSET)

        def _parse_picks(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                picks_type_0 = cast(list[str], data)

                return picks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        picks = _parse_picks(d.pop("picks", UNSET))


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


        def _parse_published_ballot_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        published_ballot_id = _parse_published_ballot_id(d.pop("published_ballot_id", UNSET))


        def _parse_ballots_file(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ballots_file = _parse_ballots_file(d.pop("ballots_file", UNSET))


        my_ballot = cls(
            round_id=round_id,
            voted=voted,
            voted_at=voted_at,
            changes=changes,
            picks=picks,
            points=points,
            published_ballot_id=published_ballot_id,
            ballots_file=ballots_file,
        )


        my_ballot.additional_properties = d
        return my_ballot

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
