from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.window import Window





T = TypeVar("T", bound="Schedule")



@_attrs_define
class Schedule:
    """ 
        Attributes:
            proposals (Window): Times without an offset are Shanghai times, as residents read them on a notice.
            review (Window): Times without an offset are Shanghai times, as residents read them on a notice.
            voting (Window): Times without an offset are Shanghai times, as residents read them on a notice.
            results (Window): Times without an offset are Shanghai times, as residents read them on a notice.
            implementation (Window): Times without an offset are Shanghai times, as residents read them on a notice.
            evaluation (Window): Times without an offset are Shanghai times, as residents read them on a notice.
     """

    proposals: Window
    review: Window
    voting: Window
    results: Window
    implementation: Window
    evaluation: Window





    def to_dict(self) -> dict[str, Any]:
        from ..models.window import Window # noqa: PLC0415
        proposals = self.proposals.to_dict()

        review = self.review.to_dict()

        voting = self.voting.to_dict()

        results = self.results.to_dict()

        implementation = self.implementation.to_dict()

        evaluation = self.evaluation.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "proposals": proposals,
            "review": review,
            "voting": voting,
            "results": results,
            "implementation": implementation,
            "evaluation": evaluation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.window import Window # noqa: PLC0415
        d = dict(src_dict)
        proposals = Window.from_dict(d.pop("proposals"))




        review = Window.from_dict(d.pop("review"))




        voting = Window.from_dict(d.pop("voting"))




        results = Window.from_dict(d.pop("results"))




        implementation = Window.from_dict(d.pop("implementation"))




        evaluation = Window.from_dict(d.pop("evaluation"))




        schedule = cls(
            proposals=proposals,
            review=review,
            voting=voting,
            results=results,
            implementation=implementation,
            evaluation=evaluation,
        )

        return schedule

