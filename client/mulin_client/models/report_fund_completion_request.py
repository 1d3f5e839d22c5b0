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





T = TypeVar("T", bound="ReportFundCompletionRequest")



@_attrs_define
class ReportFundCompletionRequest:
    """ The lead files the completion report: what each line really cost, with its receipts.

        Attributes:
            version (int): the version last seen; refused (409) if stale
            report (CompletionReport):
            reason (None | str | Unset): a comment for the timeline
     """

    version: int
    report: CompletionReport
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.completion_report import CompletionReport # noqa: PLC0415
        version = self.version

        report = self.report.to_dict()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
            "report": report,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.completion_report import CompletionReport # noqa: PLC0415
        d = dict(src_dict)
        version = d.pop("version")

        report = CompletionReport.from_dict(d.pop("report"))




        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        report_fund_completion_request = cls(
            version=version,
            report=report,
            reason=reason,
        )

        return report_fund_completion_request

