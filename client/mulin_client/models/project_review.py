from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProjectReview")



@_attrs_define
class ProjectReview:
    """ 
        Attributes:
            feasible (bool):
            final_cost_fen (int | None | Unset):
            reason (None | str | Unset):
            version (int | None | Unset):
     """

    feasible: bool
    final_cost_fen: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    version: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        feasible = self.feasible

        final_cost_fen: int | None | Unset
        if isinstance(self.final_cost_fen, Unset):
            final_cost_fen = UNSET
        else:
            final_cost_fen = self.final_cost_fen

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "feasible": feasible,
        })
        if final_cost_fen is not UNSET:
            field_dict["final_cost_fen"] = final_cost_fen
        if reason is not UNSET:
            field_dict["reason"] = reason
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        feasible = d.pop("feasible")

        def _parse_final_cost_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        final_cost_fen = _parse_final_cost_fen(d.pop("final_cost_fen", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        project_review = cls(
            feasible=feasible,
            final_cost_fen=final_cost_fen,
            reason=reason,
            version=version,
        )

        return project_review

