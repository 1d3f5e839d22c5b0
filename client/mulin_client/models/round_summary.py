from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.method_kind import MethodKind
from ..models.phase import Phase
from ..models.round_kind import RoundKind
from ..models.selection_rule import SelectionRule
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.window_view import WindowView





T = TypeVar("T", bound="RoundSummary")



@_attrs_define
class RoundSummary:
    """ 
        Attributes:
            id (str):
            scope (str):
            title (str):
            budget_fen (int): 0 for a selection, which has no budget
            phase (Phase):
            method (MethodKind):
            rule (SelectionRule):
            voting (WindowView):
            kind (RoundKind | Unset):
            year (int | None | Unset): a selection's year
     """

    id: str
    scope: str
    title: str
    budget_fen: int
    phase: Phase
    method: MethodKind
    rule: SelectionRule
    voting: WindowView
    kind: RoundKind | Unset = UNSET
    year: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.window_view import WindowView # noqa: PLC0415
        id = self.id

        scope = self.scope

        title = self.title

        budget_fen = self.budget_fen

        phase = self.phase.value

        method = self.method.value

        rule = self.rule.value

        voting = self.voting.to_dict()

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        year: int | None | Unset
        if isinstance(self.year, Unset):
            year = UNSET
        else:
            year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "scope": scope,
            "title": title,
            "budget_fen": budget_fen,
            "phase": phase,
            "method": method,
            "rule": rule,
            "voting": voting,
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if year is not UNSET:
            field_dict["year"] = year

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.window_view import WindowView # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        scope = d.pop("scope")

        title = d.pop("title")

        budget_fen = d.pop("budget_fen")

        phase = Phase(d.pop("phase"))




        method = MethodKind(d.pop("method"))




        rule = SelectionRule(d.pop("rule"))




        voting = WindowView.from_dict(d.pop("voting"))




        _kind = d.pop("kind", UNSET)
        kind: RoundKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = RoundKind(_kind)




        def _parse_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        year = _parse_year(d.pop("year", UNSET))


        round_summary = cls(
            id=id,
            scope=scope,
            title=title,
            budget_fen=budget_fen,
            phase=phase,
            method=method,
            rule=rule,
            voting=voting,
            kind=kind,
            year=year,
        )


        round_summary.additional_properties = d
        return round_summary

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
