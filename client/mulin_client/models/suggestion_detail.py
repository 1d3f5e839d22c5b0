from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel import Channel
from ..models.suggestion_category import SuggestionCategory
from ..models.suggestion_status import SuggestionStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.deadlines import Deadlines
  from ..models.merged_into_case import MergedIntoCase
  from ..models.rating_summary import RatingSummary
  from ..models.reply import Reply
  from ..models.suggestion_timeline_event import SuggestionTimelineEvent





T = TypeVar("T", bound="SuggestionDetail")



@_attrs_define
class SuggestionDetail:
    """ 
        Attributes:
            id (str):
            tracking_no (str):
            title (str):
            category (SuggestionCategory): The categories of Shanghai's people's-suggestion offices (人民建议征集办公室).
            status (SuggestionStatus):
            division (str):
            jurisdiction (str): the division now handling the case
            channel (Channel):
            submitted_at (str):
            version (int):
            content (str):
            photos (list[str]):
            publish_consent (bool):
            deadlines (Deadlines):
            rating (RatingSummary):
            allowed_actions (list[str]): review actions the case accepts now
            timeline (list[SuggestionTimelineEvent]):
            due_at (None | str | Unset): the deadline of the current stage
            overdue (bool | Unset):  Default: False.
            submitter_phone_masked (None | str | Unset):
            merged_into (None | str | Unset):
            location (None | str | Unset):
            assigned_department (None | str | Unset):
            reply (None | Reply | Unset):
            can_rate (bool | Unset): the caller may rate the current reply Default: False.
            merged_cases (list[str] | Unset):
            primary (MergedIntoCase | None | Unset): for a merged case: the case that answers it
     """

    id: str
    tracking_no: str
    title: str
    category: SuggestionCategory
    status: SuggestionStatus
    division: str
    jurisdiction: str
    channel: Channel
    submitted_at: str
    version: int
    content: str
    photos: list[str]
    publish_consent: bool
    deadlines: Deadlines
    rating: RatingSummary
    allowed_actions: list[str]
    timeline: list[SuggestionTimelineEvent]
    due_at: None | str | Unset = UNSET
    overdue: bool | Unset = False
    submitter_phone_masked: None | str | Unset = UNSET
    merged_into: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    assigned_department: None | str | Unset = UNSET
    reply: None | Reply | Unset = UNSET
    can_rate: bool | Unset = False
    merged_cases: list[str] | Unset = UNSET
    primary: MergedIntoCase | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.deadlines import Deadlines # noqa: PLC0415
        from ..models.merged_into_case import MergedIntoCase # noqa: PLC0415
        from ..models.rating_summary import RatingSummary # noqa: PLC0415
        from ..models.reply import Reply # noqa: PLC0415
        from ..models.suggestion_timeline_event import SuggestionTimelineEvent # noqa: PLC0415
        id = self.id

        tracking_no = self.tracking_no

        title = self.title

        category = self.category.value

        status = self.status.value

        division = self.division

        jurisdiction = self.jurisdiction

        channel = self.channel.value

        submitted_at = self.submitted_at

        version = self.version

        content = self.content

        photos = self.photos



        publish_consent = self.publish_consent

        deadlines = self.deadlines.to_dict()

        rating = self.rating.to_dict()

        allowed_actions = self.allowed_actions



        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)



        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        else:
            due_at = self.due_at

        overdue = self.overdue

        submitter_phone_masked: None | str | Unset
        if isinstance(self.submitter_phone_masked, Unset):
            submitter_phone_masked = UNSET
        else:
            submitter_phone_masked = self.submitter_phone_masked

        merged_into: None | str | Unset
        if isinstance(self.merged_into, Unset):
            merged_into = UNSET
        else:
            merged_into = self.merged_into

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        assigned_department: None | str | Unset
        if isinstance(self.assigned_department, Unset):
            assigned_department = UNSET
        else:
            assigned_department = self.assigned_department

        reply: dict[str, Any] | None | Unset
        if isinstance(self.reply, Unset):
            reply = UNSET
        elif isinstance(self.reply, Reply):
            reply = self.reply.to_dict()
        else:
            reply = self.reply

        can_rate = self.can_rate

        merged_cases: list[str] | Unset = UNSET
        if not isinstance(self.merged_cases, Unset):
            merged_cases = self.merged_cases



        primary: dict[str, Any] | None | Unset
        if isinstance(self.primary, Unset):
            primary = UNSET
        elif isinstance(self.primary, MergedIntoCase):
            primary = self.primary.to_dict()
        else:
            primary = self.primary


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "tracking_no": tracking_no,
            "title": title,
            "category": category,
            "status": status,
            "division": division,
            "jurisdiction": jurisdiction,
            "channel": channel,
            "submitted_at": submitted_at,
            "version": version,
            "content": content,
            "photos": photos,
            "publish_consent": publish_consent,
            "deadlines": deadlines,
            "rating": rating,
            "allowed_actions": allowed_actions,
            "timeline": timeline,
        })
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if submitter_phone_masked is not UNSET:
            field_dict["submitter_phone_masked"] = submitter_phone_masked
        if merged_into is not UNSET:
            field_dict["merged_into"] = merged_into
        if location is not UNSET:
            field_dict["location"] = location
        if assigned_department is not UNSET:
            field_dict["assigned_department"] = assigned_department
        if reply is not UNSET:
            field_dict["reply"] = reply
        if can_rate is not UNSET:
            field_dict["can_rate"] = can_rate
        if merged_cases is not UNSET:
            field_dict["merged_cases"] = merged_cases
        if primary is not UNSET:
            field_dict["primary"] = primary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deadlines import Deadlines # noqa: PLC0415
        from ..models.merged_into_case import MergedIntoCase # noqa: PLC0415
        from ..models.rating_summary import RatingSummary # noqa: PLC0415
        from ..models.reply import Reply # noqa: PLC0415
        from ..models.suggestion_timeline_event import SuggestionTimelineEvent # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        tracking_no = d.pop("tracking_no")

        title = d.pop("title")

        category = SuggestionCategory(d.pop("category"))




        status = SuggestionStatus(d.pop("status"))




        division = d.pop("division")

        jurisdiction = d.pop("jurisdiction")

        channel = Channel(d.pop("channel"))




        submitted_at = d.pop("submitted_at")

        version = d.pop("version")

        content = d.pop("content")

        photos = cast(list[str], d.pop("photos"))


        publish_consent = d.pop("publish_consent")

        deadlines = Deadlines.from_dict(d.pop("deadlines"))




        rating = RatingSummary.from_dict(d.pop("rating"))




        allowed_actions = cast(list[str], d.pop("allowed_actions"))


        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in (_timeline):
            timeline_item = SuggestionTimelineEvent.from_dict(timeline_item_data)



            timeline.append(timeline_item)


        def _parse_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))


        overdue = d.pop("overdue", UNSET)

        def _parse_submitter_phone_masked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitter_phone_masked = _parse_submitter_phone_masked(d.pop("submitter_phone_masked", UNSET))


        def _parse_merged_into(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merged_into = _parse_merged_into(d.pop("merged_into", UNSET))


        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        def _parse_assigned_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_department = _parse_assigned_department(d.pop("assigned_department", UNSET))


        def _parse_reply(data: object) -> None | Reply | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reply_type_0 = Reply.from_dict(data)



                return reply_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Reply | Unset, data)

        reply = _parse_reply(d.pop("reply", UNSET))


        can_rate = d.pop("can_rate", UNSET)

        merged_cases = cast(list[str], d.pop("merged_cases", UNSET))


        def _parse_primary(data: object) -> MergedIntoCase | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                primary_type_0 = MergedIntoCase.from_dict(data)



                return primary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MergedIntoCase | None | Unset, data)

        primary = _parse_primary(d.pop("primary", UNSET))


        suggestion_detail = cls(
            id=id,
            tracking_no=tracking_no,
            title=title,
            category=category,
            status=status,
            division=division,
            jurisdiction=jurisdiction,
            channel=channel,
            submitted_at=submitted_at,
            version=version,
            content=content,
            photos=photos,
            publish_consent=publish_consent,
            deadlines=deadlines,
            rating=rating,
            allowed_actions=allowed_actions,
            timeline=timeline,
            due_at=due_at,
            overdue=overdue,
            submitter_phone_masked=submitter_phone_masked,
            merged_into=merged_into,
            location=location,
            assigned_department=assigned_department,
            reply=reply,
            can_rate=can_rate,
            merged_cases=merged_cases,
            primary=primary,
        )


        suggestion_detail.additional_properties = d
        return suggestion_detail

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
