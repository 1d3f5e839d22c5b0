from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.application_detail_view import ApplicationDetailView
from ..models.fund_category import FundCategory
from ..models.fund_channel import FundChannel
from ..models.fund_status import FundStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.application_detail_team_type_0 import ApplicationDetailTeamType0
  from ..models.fund_timeline_event import FundTimelineEvent
  from ..models.line_view import LineView
  from ..models.objection_view import ObjectionView
  from ..models.report_view import ReportView





T = TypeVar("T", bound="ApplicationDetail")



@_attrs_define
class ApplicationDetail:
    """ The whole application for its team and the officials over the committee; residents
    of the committee get the public part only (`view` = public, the rest left out).

        Attributes:
            id (str):
            committee (str):
            year (int):
            team_name (str):
            title (str):
            category (FundCategory): What autonomy funds pay for, as Shanghai streets list it in their 自治金 rules.
            category_zh (str):
            purpose (str):
            beneficiaries (int):
            starts_on (str):
            ends_on (str):
            lines (list[LineView]):
            requested_fen (int):
            status (FundStatus):
            phase (str): status, or notice_ended once a public notice has run out
            notice_ends_at (None | str | Unset):
            approved_fen (int | None | Unset):
            disbursed_fen (int | Unset):  Default: 0.
            report (None | ReportView | Unset):
            objections (list[ObjectionView] | Unset):
            view (ApplicationDetailView | Unset):  Default: ApplicationDetailView.FULL.
            version (int | None | Unset):
            team (ApplicationDetailTeamType0 | None | Unset): with the lead's name: not in the public view
            beneficiary_description (None | str | Unset):
            created_at (None | str | Unset):
            submitted_at (None | str | Unset):
            advance_fen (int | Unset):  Default: 0.
            open_objections (int | Unset):  Default: 0.
            last_comment (None | str | Unset): the latest review comment or reason
            allowed_actions (list[str] | Unset): what the caller may do next
            timeline (list[FundTimelineEvent] | Unset):
            channel (FundChannel | None | Unset): web, or paper/meeting when staff entered it
            lead_phone_masked (None | str | Unset):
            scan_count (int | Unset):  Default: 0.
            sms_consent (bool | None | Unset): paper or meeting: the lead agreed to texts of decisions
            review_by_another (bool | Unset): the caller took the team's steps on it (entered, edited, submitted or reported
                it): its review and money steps are another official's Default: False.
     """

    id: str
    committee: str
    year: int
    team_name: str
    title: str
    category: FundCategory
    category_zh: str
    purpose: str
    beneficiaries: int
    starts_on: str
    ends_on: str
    lines: list[LineView]
    requested_fen: int
    status: FundStatus
    phase: str
    notice_ends_at: None | str | Unset = UNSET
    approved_fen: int | None | Unset = UNSET
    disbursed_fen: int | Unset = 0
    report: None | ReportView | Unset = UNSET
    objections: list[ObjectionView] | Unset = UNSET
    view: ApplicationDetailView | Unset = ApplicationDetailView.FULL
    version: int | None | Unset = UNSET
    team: ApplicationDetailTeamType0 | None | Unset = UNSET
    beneficiary_description: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    submitted_at: None | str | Unset = UNSET
    advance_fen: int | Unset = 0
    open_objections: int | Unset = 0
    last_comment: None | str | Unset = UNSET
    allowed_actions: list[str] | Unset = UNSET
    timeline: list[FundTimelineEvent] | Unset = UNSET
    channel: FundChannel | None | Unset = UNSET
    lead_phone_masked: None | str | Unset = UNSET
    scan_count: int | Unset = 0
    sms_consent: bool | None | Unset = UNSET
    review_by_another: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.application_detail_team_type_0 import ApplicationDetailTeamType0 # noqa: PLC0415
        from ..models.fund_timeline_event import FundTimelineEvent # noqa: PLC0415
        from ..models.line_view import LineView # noqa: PLC0415
        from ..models.objection_view import ObjectionView # noqa: PLC0415
        from ..models.report_view import ReportView # noqa: PLC0415
        id = self.id

        committee = self.committee

        year = self.year

        team_name = self.team_name

        title = self.title

        category = self.category.value

        category_zh = self.category_zh

        purpose = self.purpose

        beneficiaries = self.beneficiaries

        starts_on = self.starts_on

        ends_on = self.ends_on

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        requested_fen = self.requested_fen

        status = self.status.value

        phase = self.phase

        notice_ends_at: None | str | Unset
        if isinstance(self.notice_ends_at, Unset):
            notice_ends_at = UNSET
        else:
            notice_ends_at = self.notice_ends_at

        approved_fen: int | None | Unset
        if isinstance(self.approved_fen, Unset):
            approved_fen = UNSET
        else:
            approved_fen = self.approved_fen

        disbursed_fen = self.disbursed_fen

        report: dict[str, Any] | None | Unset
        if isinstance(self.report, Unset):
            report = UNSET
        elif isinstance(self.report, ReportView):
            report = self.report.to_dict()
        else:
            report = self.report

        objections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.objections, Unset):
            objections = []
            for objections_item_data in self.objections:
                objections_item = objections_item_data.to_dict()
                objections.append(objections_item)



        view: str | Unset = UNSET
        if not isinstance(self.view, Unset):
            view = self.view.value


        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        team: dict[str, Any] | None | Unset
        if isinstance(self.team, Unset):
            team = UNSET
        elif isinstance(self.team, ApplicationDetailTeamType0):
            team = self.team.to_dict()
        else:
            team = self.team

        beneficiary_description: None | str | Unset
        if isinstance(self.beneficiary_description, Unset):
            beneficiary_description = UNSET
        else:
            beneficiary_description = self.beneficiary_description

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        else:
            submitted_at = self.submitted_at

        advance_fen = self.advance_fen

        open_objections = self.open_objections

        last_comment: None | str | Unset
        if isinstance(self.last_comment, Unset):
            last_comment = UNSET
        else:
            last_comment = self.last_comment

        allowed_actions: list[str] | Unset = UNSET
        if not isinstance(self.allowed_actions, Unset):
            allowed_actions = self.allowed_actions



        timeline: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.timeline, Unset):
            timeline = []
            for timeline_item_data in self.timeline:
                timeline_item = timeline_item_data.to_dict()
                timeline.append(timeline_item)



        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, FundChannel):
            channel = self.channel.value
        else:
            channel = self.channel

        lead_phone_masked: None | str | Unset
        if isinstance(self.lead_phone_masked, Unset):
            lead_phone_masked = UNSET
        else:
            lead_phone_masked = self.lead_phone_masked

        scan_count = self.scan_count

        sms_consent: bool | None | Unset
        if isinstance(self.sms_consent, Unset):
            sms_consent = UNSET
        else:
            sms_consent = self.sms_consent

        review_by_another = self.review_by_another


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "committee": committee,
            "year": year,
            "team_name": team_name,
            "title": title,
            "category": category,
            "category_zh": category_zh,
            "purpose": purpose,
            "beneficiaries": beneficiaries,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "lines": lines,
            "requested_fen": requested_fen,
            "status": status,
            "phase": phase,
        })
        if notice_ends_at is not UNSET:
            field_dict["notice_ends_at"] = notice_ends_at
        if approved_fen is not UNSET:
            field_dict["approved_fen"] = approved_fen
        if disbursed_fen is not UNSET:
            field_dict["disbursed_fen"] = disbursed_fen
        if report is not UNSET:
            field_dict["report"] = report
        if objections is not UNSET:
            field_dict["objections"] = objections
        if view is not UNSET:
            field_dict["view"] = view
        if version is not UNSET:
            field_dict["version"] = version
        if team is not UNSET:
            field_dict["team"] = team
        if beneficiary_description is not UNSET:
            field_dict["beneficiary_description"] = beneficiary_description
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if advance_fen is not UNSET:
            field_dict["advance_fen"] = advance_fen
        if open_objections is not UNSET:
            field_dict["open_objections"] = open_objections
        if last_comment is not UNSET:
            field_dict["last_comment"] = last_comment
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions
        if timeline is not UNSET:
            field_dict["timeline"] = timeline
        if channel is not UNSET:
            field_dict["channel"] = channel
        if lead_phone_masked is not UNSET:
            field_dict["lead_phone_masked"] = lead_phone_masked
        if scan_count is not UNSET:
            field_dict["scan_count"] = scan_count
        if sms_consent is not UNSET:
            field_dict["sms_consent"] = sms_consent
        if review_by_another is not UNSET:
            field_dict["review_by_another"] = review_by_another

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.application_detail_team_type_0 import ApplicationDetailTeamType0 # noqa: PLC0415
        from ..models.fund_timeline_event import FundTimelineEvent # noqa: PLC0415
        from ..models.line_view import LineView # noqa: PLC0415
        from ..models.objection_view import ObjectionView # noqa: PLC0415
        from ..models.report_view import ReportView # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        committee = d.pop("committee")

        year = d.pop("year")

        team_name = d.pop("team_name")

        title = d.pop("title")

        category = FundCategory(d.pop("category"))




        category_zh = d.pop("category_zh")

        purpose = d.pop("purpose")

        beneficiaries = d.pop("beneficiaries")

        starts_on = d.pop("starts_on")

        ends_on = d.pop("ends_on")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = LineView.from_dict(lines_item_data)



            lines.append(lines_item)


        requested_fen = d.pop("requested_fen")

        status = FundStatus(d.pop("status"))




        phase = d.pop("phase")

        def _parse_notice_ends_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notice_ends_at = _parse_notice_ends_at(d.pop("notice_ends_at", UNSET))


        def _parse_approved_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_fen = _parse_approved_fen(d.pop("approved_fen", UNSET))


        disbursed_fen = d.pop("disbursed_fen", UNSET)

        def _parse_report(data: object) -> None | ReportView | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_0 = ReportView.from_dict(data)



                return report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReportView | Unset, data)

        report = _parse_report(d.pop("report", UNSET))


        _objections = d.pop("objections", UNSET)
        objections: list[ObjectionView] | Unset = UNSET
        if _objections is not UNSET:
            objections = []
            for objections_item_data in _objections:
                objections_item = ObjectionView.from_dict(objections_item_data)



                objections.append(objections_item)


        _view = d.pop("view", UNSET)
        view: ApplicationDetailView | Unset
        if isinstance(_view,  Unset):
            view = UNSET
        else:
            view = ApplicationDetailView(_view)




        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        def _parse_team(data: object) -> ApplicationDetailTeamType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                team_type_0 = ApplicationDetailTeamType0.from_dict(data)



                return team_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApplicationDetailTeamType0 | None | Unset, data)

        team = _parse_team(d.pop("team", UNSET))


        def _parse_beneficiary_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        beneficiary_description = _parse_beneficiary_description(d.pop("beneficiary_description", UNSET))


        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))


        def _parse_submitted_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))


        advance_fen = d.pop("advance_fen", UNSET)

        open_objections = d.pop("open_objections", UNSET)

        def _parse_last_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_comment = _parse_last_comment(d.pop("last_comment", UNSET))


        allowed_actions = cast(list[str], d.pop("allowed_actions", UNSET))


        _timeline = d.pop("timeline", UNSET)
        timeline: list[FundTimelineEvent] | Unset = UNSET
        if _timeline is not UNSET:
            timeline = []
            for timeline_item_data in _timeline:
                timeline_item = FundTimelineEvent.from_dict(timeline_item_data)



                timeline.append(timeline_item)


        def _parse_channel(data: object) -> FundChannel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = FundChannel(data)



                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundChannel | None | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))


        def _parse_lead_phone_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lead_phone_masked = _parse_lead_phone_masked(d.pop("lead_phone_masked", UNSET))


        scan_count = d.pop("scan_count", UNSET)

        def _parse_sms_consent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sms_consent = _parse_sms_consent(d.pop("sms_consent", UNSET))


        review_by_another = d.pop("review_by_another", UNSET)

        application_detail = cls(
            id=id,
            committee=committee,
            year=year,
            team_name=team_name,
            title=title,
            category=category,
            category_zh=category_zh,
            purpose=purpose,
            beneficiaries=beneficiaries,
            starts_on=starts_on,
            ends_on=ends_on,
            lines=lines,
            requested_fen=requested_fen,
            status=status,
            phase=phase,
            notice_ends_at=notice_ends_at,
            approved_fen=approved_fen,
            disbursed_fen=disbursed_fen,
            report=report,
            objections=objections,
            view=view,
            version=version,
            team=team,
            beneficiary_description=beneficiary_description,
            created_at=created_at,
            submitted_at=submitted_at,
            advance_fen=advance_fen,
            open_objections=open_objections,
            last_comment=last_comment,
            allowed_actions=allowed_actions,
            timeline=timeline,
            channel=channel,
            lead_phone_masked=lead_phone_masked,
            scan_count=scan_count,
            sms_consent=sms_consent,
            review_by_another=review_by_another,
        )


        application_detail.additional_properties = d
        return application_detail

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
