from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tally_job_state import TallyJobState
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tally_links import TallyLinks





T = TypeVar("T", bound="TallyJob")



@_attrs_define
class TallyJob:
    """ A round's count, run off the request path by the tallies queue's function.

        Attributes:
            round_id (str):
            state (TallyJobState):
            attempts (int): how many times a worker took the job up
            links (TallyLinks):
            requested_at (None | str | Unset): none for a round counted before tallies were jobs
            started_at (None | str | Unset): when the last attempt started
            finished_at (None | str | Unset):
            reason (None | str | Unset): why the job failed, in English and Chinese
     """

    round_id: str
    state: TallyJobState
    attempts: int
    links: TallyLinks
    requested_at: None | str | Unset = UNSET
    started_at: None | str | Unset = UNSET
    finished_at: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tally_links import TallyLinks # noqa: PLC0415
        round_id = self.round_id

        state = self.state.value

        attempts = self.attempts

        links = self.links.to_dict()

        requested_at: None | str | Unset
        if isinstance(self.requested_at, Unset):
            requested_at = UNSET
        else:
            requested_at = self.requested_at

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "round_id": round_id,
            "state": state,
            "attempts": attempts,
            "links": links,
        })
        if requested_at is not UNSET:
            field_dict["requested_at"] = requested_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tally_links import TallyLinks # noqa: PLC0415
        d = dict(src_dict)
        round_id = d.pop("round_id")

        state = TallyJobState(d.pop("state"))




        attempts = d.pop("attempts")

        links = TallyLinks.from_dict(d.pop("links"))




        def _parse_requested_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_at = _parse_requested_at(d.pop("requested_at", UNSET))


        def _parse_started_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))


        def _parse_finished_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        tally_job = cls(
            round_id=round_id,
            state=state,
            attempts=attempts,
            links=links,
            requested_at=requested_at,
            started_at=started_at,
            finished_at=finished_at,
            reason=reason,
        )


        tally_job.additional_properties = d
        return tally_job

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
