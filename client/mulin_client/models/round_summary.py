from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.method_kind import MethodKind
from ..models.phase import Phase
from ..models.selection_rule import SelectionRule
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
            budget_fen (int):
            phase (Phase):
            method (MethodKind):
            rule (SelectionRule):
            voting (WindowView):
     """

    id: str
    scope: str
    title: str
    budget_fen: int
    phase: Phase
    method: MethodKind
    rule: SelectionRule
    voting: WindowView
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




        round_summary = cls(
            id=id,
            scope=scope,
            title=title,
            budget_fen=budget_fen,
            phase=phase,
            method=method,
            rule=rule,
            voting=voting,
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
