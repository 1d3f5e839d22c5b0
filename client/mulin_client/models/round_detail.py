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
  from ..models.evaluation_summary import EvaluationSummary
  from ..models.progress_view import ProgressView
  from ..models.project import Project
  from ..models.round_detail_eligibility import RoundDetailEligibility
  from ..models.round_detail_method_limits import RoundDetailMethodLimits
  from ..models.round_detail_objections_item import RoundDetailObjectionsItem
  from ..models.round_detail_schedule import RoundDetailSchedule
  from ..models.window_view import WindowView





T = TypeVar("T", bound="RoundDetail")



@_attrs_define
class RoundDetail:
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
            description (str):
            schedule (RoundDetailSchedule):
            method_limits (RoundDetailMethodLimits):
            eligibility (RoundDetailEligibility):
            allow_ballot_change (bool):
            status (str):
            version (int):
            projects (list[Project]):
            progress (list[ProgressView]):
            evaluations (list[EvaluationSummary]):
            result_published (bool):
            kind (RoundKind | Unset):
            year (int | None | Unset): a selection's year
            objections (list[RoundDetailObjectionsItem] | Unset): officials only
     """

    id: str
    scope: str
    title: str
    budget_fen: int
    phase: Phase
    method: MethodKind
    rule: SelectionRule
    voting: WindowView
    description: str
    schedule: RoundDetailSchedule
    method_limits: RoundDetailMethodLimits
    eligibility: RoundDetailEligibility
    allow_ballot_change: bool
    status: str
    version: int
    projects: list[Project]
    progress: list[ProgressView]
    evaluations: list[EvaluationSummary]
    result_published: bool
    kind: RoundKind | Unset = UNSET
    year: int | None | Unset = UNSET
    objections: list[RoundDetailObjectionsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.evaluation_summary import EvaluationSummary # noqa: PLC0415
        from ..models.progress_view import ProgressView # noqa: PLC0415
        from ..models.project import Project # noqa: PLC0415
        from ..models.round_detail_eligibility import RoundDetailEligibility # noqa: PLC0415
        from ..models.round_detail_method_limits import RoundDetailMethodLimits # noqa: PLC0415
        from ..models.round_detail_objections_item import RoundDetailObjectionsItem # noqa: PLC0415
        from ..models.round_detail_schedule import RoundDetailSchedule # noqa: PLC0415
        from ..models.window_view import WindowView # noqa: PLC0415
        id = self.id

        scope = self.scope

        title = self.title

        budget_fen = self.budget_fen

        phase = self.phase.value

        method = self.method.value

        rule = self.rule.value

        voting = self.voting.to_dict()

        description = self.description

        schedule = self.schedule.to_dict()

        method_limits = self.method_limits.to_dict()

        eligibility = self.eligibility.to_dict()

        allow_ballot_change = self.allow_ballot_change

        status = self.status

        version = self.version

        projects = []
        for projects_item_data in self.projects:
            projects_item = projects_item_data.to_dict()
            projects.append(projects_item)



        progress = []
        for progress_item_data in self.progress:
            progress_item = progress_item_data.to_dict()
            progress.append(progress_item)



        evaluations = []
        for evaluations_item_data in self.evaluations:
            evaluations_item = evaluations_item_data.to_dict()
            evaluations.append(evaluations_item)



        result_published = self.result_published

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        year: int | None | Unset
        if isinstance(self.year, Unset):
            year = UNSET
        else:
            year = self.year

        objections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.objections, Unset):
            objections = []
            for objections_item_data in self.objections:
                objections_item = objections_item_data.to_dict()
                objections.append(objections_item)




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
            "description": description,
            "schedule": schedule,
            "method_limits": method_limits,
            "eligibility": eligibility,
            "allow_ballot_change": allow_ballot_change,
            "status": status,
            "version": version,
            "projects": projects,
            "progress": progress,
            "evaluations": evaluations,
            "result_published": result_published,
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if year is not UNSET:
            field_dict["year"] = year
        if objections is not UNSET:
            field_dict["objections"] = objections

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evaluation_summary import EvaluationSummary # noqa: PLC0415
        from ..models.progress_view import ProgressView # noqa: PLC0415
        from ..models.project import Project # noqa: PLC0415
        from ..models.round_detail_eligibility import RoundDetailEligibility # noqa: PLC0415
        from ..models.round_detail_method_limits import RoundDetailMethodLimits # noqa: PLC0415
        from ..models.round_detail_objections_item import RoundDetailObjectionsItem # noqa: PLC0415
        from ..models.round_detail_schedule import RoundDetailSchedule # noqa: PLC0415
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




        description = d.pop("description")

        schedule = RoundDetailSchedule.from_dict(d.pop("schedule"))




        method_limits = RoundDetailMethodLimits.from_dict(d.pop("method_limits"))




        eligibility = RoundDetailEligibility.from_dict(d.pop("eligibility"))




        allow_ballot_change = d.pop("allow_ballot_change")

        status = d.pop("status")

        version = d.pop("version")

        projects = []
        _projects = d.pop("projects")
        for projects_item_data in (_projects):
            projects_item = Project.from_dict(projects_item_data)



            projects.append(projects_item)


        progress = []
        _progress = d.pop("progress")
        for progress_item_data in (_progress):
            progress_item = ProgressView.from_dict(progress_item_data)



            progress.append(progress_item)


        evaluations = []
        _evaluations = d.pop("evaluations")
        for evaluations_item_data in (_evaluations):
            evaluations_item = EvaluationSummary.from_dict(evaluations_item_data)



            evaluations.append(evaluations_item)


        result_published = d.pop("result_published")

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


        _objections = d.pop("objections", UNSET)
        objections: list[RoundDetailObjectionsItem] | Unset = UNSET
        if _objections is not UNSET:
            objections = []
            for objections_item_data in _objections:
                objections_item = RoundDetailObjectionsItem.from_dict(objections_item_data)



                objections.append(objections_item)


        round_detail = cls(
            id=id,
            scope=scope,
            title=title,
            budget_fen=budget_fen,
            phase=phase,
            method=method,
            rule=rule,
            voting=voting,
            description=description,
            schedule=schedule,
            method_limits=method_limits,
            eligibility=eligibility,
            allow_ballot_change=allow_ballot_change,
            status=status,
            version=version,
            projects=projects,
            progress=progress,
            evaluations=evaluations,
            result_published=result_published,
            kind=kind,
            year=year,
            objections=objections,
        )


        round_detail.additional_properties = d
        return round_detail

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
