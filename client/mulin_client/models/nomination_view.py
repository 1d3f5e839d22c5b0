from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.nomination_source import NominationSource
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="NominationView")



@_attrs_define
class NominationView:
    """ Where a selection's candidate comes from, and what its records say of it.

        Attributes:
            source (NominationSource):
            source_id (str): the fund application, or the round and project as {round}/{project}
            committee (str):
            year (int):
            spending_fen (int): what the project spent: the fund's reported spending, or the PB project's final cost
            nominated_at (str):
            evaluation_count (int | Unset): PB: residents' ratings of the project Default: 0.
            evaluation_mean (float | None | Unset): PB: their mean score, 1 to 5
            participants (int | None | Unset): fund: residents who took part, as reported
            outcome (None | str | Unset): fund: the completion report's outcome
            accepted_at (None | str | Unset): fund: when the street accepted the report (验收)
            acceptance_note (None | str | Unset): fund: the street's note on acceptance
     """

    source: NominationSource
    source_id: str
    committee: str
    year: int
    spending_fen: int
    nominated_at: str
    evaluation_count: int | Unset = 0
    evaluation_mean: float | None | Unset = UNSET
    participants: int | None | Unset = UNSET
    outcome: None | str | Unset = UNSET
    accepted_at: None | str | Unset = UNSET
    acceptance_note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        source_id = self.source_id

        committee = self.committee

        year = self.year

        spending_fen = self.spending_fen

        nominated_at = self.nominated_at

        evaluation_count = self.evaluation_count

        evaluation_mean: float | None | Unset
        if isinstance(self.evaluation_mean, Unset):
            evaluation_mean = UNSET
        else:
            evaluation_mean = self.evaluation_mean

        participants: int | None | Unset
        if isinstance(self.participants, Unset):
            participants = UNSET
        else:
            participants = self.participants

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        accepted_at: None | str | Unset
        if isinstance(self.accepted_at, Unset):
            accepted_at = UNSET
        else:
            accepted_at = self.accepted_at

        acceptance_note: None | str | Unset
        if isinstance(self.acceptance_note, Unset):
            acceptance_note = UNSET
        else:
            acceptance_note = self.acceptance_note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "source": source,
            "source_id": source_id,
            "committee": committee,
            "year": year,
            "spending_fen": spending_fen,
            "nominated_at": nominated_at,
        })
        if evaluation_count is not UNSET:
            field_dict["evaluation_count"] = evaluation_count
        if evaluation_mean is not UNSET:
            field_dict["evaluation_mean"] = evaluation_mean
        if participants is not UNSET:
            field_dict["participants"] = participants
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if accepted_at is not UNSET:
            field_dict["accepted_at"] = accepted_at
        if acceptance_note is not UNSET:
            field_dict["acceptance_note"] = acceptance_note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = NominationSource(d.pop("source"))




        source_id = d.pop("source_id")

        committee = d.pop("committee")

        year = d.pop("year")

        spending_fen = d.pop("spending_fen")

        nominated_at = d.pop("nominated_at")

        evaluation_count = d.pop("evaluation_count", UNSET)

        def _parse_evaluation_mean(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        evaluation_mean = _parse_evaluation_mean(d.pop("evaluation_mean", UNSET))


        def _parse_participants(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        participants = _parse_participants(d.pop("participants", UNSET))


        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))


        def _parse_accepted_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at", UNSET))


        def _parse_acceptance_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acceptance_note = _parse_acceptance_note(d.pop("acceptance_note", UNSET))


        nomination_view = cls(
            source=source,
            source_id=source_id,
            committee=committee,
            year=year,
            spending_fen=spending_fen,
            nominated_at=nominated_at,
            evaluation_count=evaluation_count,
            evaluation_mean=evaluation_mean,
            participants=participants,
            outcome=outcome,
            accepted_at=accepted_at,
            acceptance_note=acceptance_note,
        )


        nomination_view.additional_properties = d
        return nomination_view

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
