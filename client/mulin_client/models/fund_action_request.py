from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.completion_report import CompletionReport





T = TypeVar("T", bound="FundActionRequest")



@_attrs_define
class FundActionRequest:
    """ One body for every action; which fields an action needs is a rule (rules.REQUIRED_FIELDS).

        Attributes:
            version (int): the version last seen; refused if stale
            reason (None | str | Unset): comments, reasons
            objection_id (None | str | Unset): answer_objection: which one
            answer (None | str | Unset): answer_objection: the answer
            advance_fen (int | None | Unset): fund: the advance paid now; the rest is paid on acceptance
            report (CompletionReport | None | Unset): report: the completion report
     """

    version: int
    reason: None | str | Unset = UNSET
    objection_id: None | str | Unset = UNSET
    answer: None | str | Unset = UNSET
    advance_fen: int | None | Unset = UNSET
    report: CompletionReport | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.completion_report import CompletionReport # noqa: PLC0415
        version = self.version

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        objection_id: None | str | Unset
        if isinstance(self.objection_id, Unset):
            objection_id = UNSET
        else:
            objection_id = self.objection_id

        answer: None | str | Unset
        if isinstance(self.answer, Unset):
            answer = UNSET
        else:
            answer = self.answer

        advance_fen: int | None | Unset
        if isinstance(self.advance_fen, Unset):
            advance_fen = UNSET
        else:
            advance_fen = self.advance_fen

        report: dict[str, Any] | None | Unset
        if isinstance(self.report, Unset):
            report = UNSET
        elif isinstance(self.report, CompletionReport):
            report = self.report.to_dict()
        else:
            report = self.report


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason
        if objection_id is not UNSET:
            field_dict["objection_id"] = objection_id
        if answer is not UNSET:
            field_dict["answer"] = answer
        if advance_fen is not UNSET:
            field_dict["advance_fen"] = advance_fen
        if report is not UNSET:
            field_dict["report"] = report

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.completion_report import CompletionReport # noqa: PLC0415
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_objection_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        objection_id = _parse_objection_id(d.pop("objection_id", UNSET))


        def _parse_answer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        answer = _parse_answer(d.pop("answer", UNSET))


        def _parse_advance_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        advance_fen = _parse_advance_fen(d.pop("advance_fen", UNSET))


        def _parse_report(data: object) -> CompletionReport | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_0 = CompletionReport.from_dict(data)



                return report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompletionReport | None | Unset, data)

        report = _parse_report(d.pop("report", UNSET))


        fund_action_request = cls(
            version=version,
            reason=reason,
            objection_id=objection_id,
            answer=answer,
            advance_fen=advance_fen,
            report=report,
        )

        return fund_action_request

