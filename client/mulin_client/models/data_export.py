from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.account import Account
  from ..models.erasure_state import ErasureState
  from ..models.exported_appeal import ExportedAppeal
  from ..models.exported_comment import ExportedComment
  from ..models.exported_fund_application import ExportedFundApplication
  from ..models.exported_objection import ExportedObjection
  from ..models.exported_rating import ExportedRating
  from ..models.exported_registration import ExportedRegistration
  from ..models.exported_report import ExportedReport
  from ..models.exported_residence_request import ExportedResidenceRequest
  from ..models.exported_suggestion import ExportedSuggestion
  from ..models.exported_support import ExportedSupport
  from ..models.exported_topic import ExportedTopic
  from ..models.not_linked import NotLinked
  from ..models.notification import Notification
  from ..models.retention import Retention





T = TypeVar("T", bound="DataExport")



@_attrs_define
class DataExport:
    """ Everything the platform holds about the caller that it can tie to them.

        Attributes:
            generated_at (str):
            account (Account):
            suggestions (list[ExportedSuggestion]): cases the caller sent, or staff entered for them
            ratings (list[ExportedRating]): the caller's ratings of replies, merged cases' included
            inbox (list[Notification]):
            fund_applications (list[ExportedFundApplication]): applications the caller leads, theirs or entered by staff for
                their number, with their timelines and the objections they received
            objections_filed (list[ExportedObjection]):
            residence_requests (list[ExportedResidenceRequest]):
            topics (list[ExportedTopic]): topics the caller raised
            supports (list[ExportedSupport]):
            comments (list[ExportedComment]):
            reports (list[ExportedReport]): the caller's reports of posts, with their notes
            appeals (list[ExportedAppeal]): the caller's appeals against hidden posts
            meeting_registrations (list[ExportedRegistration]):
            not_linked (list[NotLinked]): what exists but is kept apart from the caller by design
            retention (list[Retention]): how long each kind of record is kept
            erasure (ErasureState | None | Unset): set once the caller has asked for erasure
     """

    generated_at: str
    account: Account
    suggestions: list[ExportedSuggestion]
    ratings: list[ExportedRating]
    inbox: list[Notification]
    fund_applications: list[ExportedFundApplication]
    objections_filed: list[ExportedObjection]
    residence_requests: list[ExportedResidenceRequest]
    topics: list[ExportedTopic]
    supports: list[ExportedSupport]
    comments: list[ExportedComment]
    reports: list[ExportedReport]
    appeals: list[ExportedAppeal]
    meeting_registrations: list[ExportedRegistration]
    not_linked: list[NotLinked]
    retention: list[Retention]
    erasure: ErasureState | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account import Account # noqa: PLC0415
        from ..models.erasure_state import ErasureState # noqa: PLC0415
        from ..models.exported_appeal import ExportedAppeal # noqa: PLC0415
        from ..models.exported_comment import ExportedComment # noqa: PLC0415
        from ..models.exported_fund_application import ExportedFundApplication # noqa: PLC0415
        from ..models.exported_objection import ExportedObjection # noqa: PLC0415
        from ..models.exported_rating import ExportedRating # noqa: PLC0415
        from ..models.exported_registration import ExportedRegistration # noqa: PLC0415
        from ..models.exported_report import ExportedReport # noqa: PLC0415
        from ..models.exported_residence_request import ExportedResidenceRequest # noqa: PLC0415
        from ..models.exported_suggestion import ExportedSuggestion # noqa: PLC0415
        from ..models.exported_support import ExportedSupport # noqa: PLC0415
        from ..models.exported_topic import ExportedTopic # noqa: PLC0415
        from ..models.not_linked import NotLinked # noqa: PLC0415
        from ..models.notification import Notification # noqa: PLC0415
        from ..models.retention import Retention # noqa: PLC0415
        generated_at = self.generated_at

        account = self.account.to_dict()

        suggestions = []
        for suggestions_item_data in self.suggestions:
            suggestions_item = suggestions_item_data.to_dict()
            suggestions.append(suggestions_item)



        ratings = []
        for ratings_item_data in self.ratings:
            ratings_item = ratings_item_data.to_dict()
            ratings.append(ratings_item)



        inbox = []
        for inbox_item_data in self.inbox:
            inbox_item = inbox_item_data.to_dict()
            inbox.append(inbox_item)



        fund_applications = []
        for fund_applications_item_data in self.fund_applications:
            fund_applications_item = fund_applications_item_data.to_dict()
            fund_applications.append(fund_applications_item)



        objections_filed = []
        for objections_filed_item_data in self.objections_filed:
            objections_filed_item = objections_filed_item_data.to_dict()
            objections_filed.append(objections_filed_item)



        residence_requests = []
        for residence_requests_item_data in self.residence_requests:
            residence_requests_item = residence_requests_item_data.to_dict()
            residence_requests.append(residence_requests_item)



        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.to_dict()
            topics.append(topics_item)



        supports = []
        for supports_item_data in self.supports:
            supports_item = supports_item_data.to_dict()
            supports.append(supports_item)



        comments = []
        for comments_item_data in self.comments:
            comments_item = comments_item_data.to_dict()
            comments.append(comments_item)



        reports = []
        for reports_item_data in self.reports:
            reports_item = reports_item_data.to_dict()
            reports.append(reports_item)



        appeals = []
        for appeals_item_data in self.appeals:
            appeals_item = appeals_item_data.to_dict()
            appeals.append(appeals_item)



        meeting_registrations = []
        for meeting_registrations_item_data in self.meeting_registrations:
            meeting_registrations_item = meeting_registrations_item_data.to_dict()
            meeting_registrations.append(meeting_registrations_item)



        not_linked = []
        for not_linked_item_data in self.not_linked:
            not_linked_item = not_linked_item_data.to_dict()
            not_linked.append(not_linked_item)



        retention = []
        for retention_item_data in self.retention:
            retention_item = retention_item_data.to_dict()
            retention.append(retention_item)



        erasure: dict[str, Any] | None | Unset
        if isinstance(self.erasure, Unset):
            erasure = UNSET
        elif isinstance(self.erasure, ErasureState):
            erasure = self.erasure.to_dict()
        else:
            erasure = self.erasure


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "generated_at": generated_at,
            "account": account,
            "suggestions": suggestions,
            "ratings": ratings,
            "inbox": inbox,
            "fund_applications": fund_applications,
            "objections_filed": objections_filed,
            "residence_requests": residence_requests,
            "topics": topics,
            "supports": supports,
            "comments": comments,
            "reports": reports,
            "appeals": appeals,
            "meeting_registrations": meeting_registrations,
            "not_linked": not_linked,
            "retention": retention,
        })
        if erasure is not UNSET:
            field_dict["erasure"] = erasure

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account import Account # noqa: PLC0415
        from ..models.erasure_state import ErasureState # noqa: PLC0415
        from ..models.exported_appeal import ExportedAppeal # noqa: PLC0415
        from ..models.exported_comment import ExportedComment # noqa: PLC0415
        from ..models.exported_fund_application import ExportedFundApplication # noqa: PLC0415
        from ..models.exported_objection import ExportedObjection # noqa: PLC0415
        from ..models.exported_rating import ExportedRating # noqa: PLC0415
        from ..models.exported_registration import ExportedRegistration # noqa: PLC0415
        from ..models.exported_report import ExportedReport # noqa: PLC0415
        from ..models.exported_residence_request import ExportedResidenceRequest # noqa: PLC0415
        from ..models.exported_suggestion import ExportedSuggestion # noqa: PLC0415
        from ..models.exported_support import ExportedSupport # noqa: PLC0415
        from ..models.exported_topic import ExportedTopic # noqa: PLC0415
        from ..models.not_linked import NotLinked # noqa: PLC0415
        from ..models.notification import Notification # noqa: PLC0415
        from ..models.retention import Retention # noqa: PLC0415
        d = dict(src_dict)
        generated_at = d.pop("generated_at")

        account = Account.from_dict(d.pop("account"))




        suggestions = []
        _suggestions = d.pop("suggestions")
        for suggestions_item_data in (_suggestions):
            suggestions_item = ExportedSuggestion.from_dict(suggestions_item_data)



            suggestions.append(suggestions_item)


        ratings = []
        _ratings = d.pop("ratings")
        for ratings_item_data in (_ratings):
            ratings_item = ExportedRating.from_dict(ratings_item_data)



            ratings.append(ratings_item)


        inbox = []
        _inbox = d.pop("inbox")
        for inbox_item_data in (_inbox):
            inbox_item = Notification.from_dict(inbox_item_data)



            inbox.append(inbox_item)


        fund_applications = []
        _fund_applications = d.pop("fund_applications")
        for fund_applications_item_data in (_fund_applications):
            fund_applications_item = ExportedFundApplication.from_dict(fund_applications_item_data)



            fund_applications.append(fund_applications_item)


        objections_filed = []
        _objections_filed = d.pop("objections_filed")
        for objections_filed_item_data in (_objections_filed):
            objections_filed_item = ExportedObjection.from_dict(objections_filed_item_data)



            objections_filed.append(objections_filed_item)


        residence_requests = []
        _residence_requests = d.pop("residence_requests")
        for residence_requests_item_data in (_residence_requests):
            residence_requests_item = ExportedResidenceRequest.from_dict(residence_requests_item_data)



            residence_requests.append(residence_requests_item)


        topics = []
        _topics = d.pop("topics")
        for topics_item_data in (_topics):
            topics_item = ExportedTopic.from_dict(topics_item_data)



            topics.append(topics_item)


        supports = []
        _supports = d.pop("supports")
        for supports_item_data in (_supports):
            supports_item = ExportedSupport.from_dict(supports_item_data)



            supports.append(supports_item)


        comments = []
        _comments = d.pop("comments")
        for comments_item_data in (_comments):
            comments_item = ExportedComment.from_dict(comments_item_data)



            comments.append(comments_item)


        reports = []
        _reports = d.pop("reports")
        for reports_item_data in (_reports):
            reports_item = ExportedReport.from_dict(reports_item_data)



            reports.append(reports_item)


        appeals = []
        _appeals = d.pop("appeals")
        for appeals_item_data in (_appeals):
            appeals_item = ExportedAppeal.from_dict(appeals_item_data)



            appeals.append(appeals_item)


        meeting_registrations = []
        _meeting_registrations = d.pop("meeting_registrations")
        for meeting_registrations_item_data in (_meeting_registrations):
            meeting_registrations_item = ExportedRegistration.from_dict(meeting_registrations_item_data)



            meeting_registrations.append(meeting_registrations_item)


        not_linked = []
        _not_linked = d.pop("not_linked")
        for not_linked_item_data in (_not_linked):
            not_linked_item = NotLinked.from_dict(not_linked_item_data)



            not_linked.append(not_linked_item)


        retention = []
        _retention = d.pop("retention")
        for retention_item_data in (_retention):
            retention_item = Retention.from_dict(retention_item_data)



            retention.append(retention_item)


        def _parse_erasure(data: object) -> ErasureState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                erasure_type_0 = ErasureState.from_dict(data)



                return erasure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErasureState | None | Unset, data)

        erasure = _parse_erasure(d.pop("erasure", UNSET))


        data_export = cls(
            generated_at=generated_at,
            account=account,
            suggestions=suggestions,
            ratings=ratings,
            inbox=inbox,
            fund_applications=fund_applications,
            objections_filed=objections_filed,
            residence_requests=residence_requests,
            topics=topics,
            supports=supports,
            comments=comments,
            reports=reports,
            appeals=appeals,
            meeting_registrations=meeting_registrations,
            not_linked=not_linked,
            retention=retention,
            erasure=erasure,
        )


        data_export.additional_properties = d
        return data_export

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
