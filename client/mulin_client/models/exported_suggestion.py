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
  from ..models.reply import Reply
  from ..models.suggestion_timeline_event import SuggestionTimelineEvent





T = TypeVar("T", bound="ExportedSuggestion")



@_attrs_define
class ExportedSuggestion:
    """ A case as stored, with its timeline: the caller is its submitter.

        Attributes:
            id (str):
            tracking_no (str):
            title (str):
            content (str):
            category (SuggestionCategory): The categories of Shanghai's people's-suggestion offices (人民建议征集办公室).
            division (str):
            jurisdiction (str):
            publish_consent (bool):
            channel (Channel):
            status (SuggestionStatus):
            submitted_at (str):
            acknowledge_by (str):
            reply_by (str):
            timeline (list[SuggestionTimelineEvent]):
            location (None | str | Unset):
            photos (list[str] | Unset): storage keys of the photos kept with the case
            submitter_phone (None | str | Unset): the number the case was sent or entered with
            entered_by_role (None | str | Unset): for a case staff entered on the caller's behalf
            reply (None | Reply | Unset):
            merged_into (None | str | Unset):
     """

    id: str
    tracking_no: str
    title: str
    content: str
    category: SuggestionCategory
    division: str
    jurisdiction: str
    publish_consent: bool
    channel: Channel
    status: SuggestionStatus
    submitted_at: str
    acknowledge_by: str
    reply_by: str
    timeline: list[SuggestionTimelineEvent]
    location: None | str | Unset = UNSET
    photos: list[str] | Unset = UNSET
    submitter_phone: None | str | Unset = UNSET
    entered_by_role: None | str | Unset = UNSET
    reply: None | Reply | Unset = UNSET
    merged_into: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reply import Reply # noqa: PLC0415
        from ..models.suggestion_timeline_event import SuggestionTimelineEvent # noqa: PLC0415
        id = self.id

        tracking_no = self.tracking_no

        title = self.title

        content = self.content

        category = self.category.value

        division = self.division

        jurisdiction = self.jurisdiction

        publish_consent = self.publish_consent

        channel = self.channel.value

        status = self.status.value

        submitted_at = self.submitted_at

        acknowledge_by = self.acknowledge_by

        reply_by = self.reply_by

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)



        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos



        submitter_phone: None | str | Unset
        if isinstance(self.submitter_phone, Unset):
            submitter_phone = UNSET
        else:
            submitter_phone = self.submitter_phone

        entered_by_role: None | str | Unset
        if isinstance(self.entered_by_role, Unset):
            entered_by_role = UNSET
        else:
            entered_by_role = self.entered_by_role

        reply: dict[str, Any] | None | Unset
        if isinstance(self.reply, Unset):
            reply = UNSET
        elif isinstance(self.reply, Reply):
            reply = self.reply.to_dict()
        else:
            reply = self.reply

        merged_into: None | str | Unset
        if isinstance(self.merged_into, Unset):
            merged_into = UNSET
        else:
            merged_into = self.merged_into


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "tracking_no": tracking_no,
            "title": title,
            "content": content,
            "category": category,
            "division": division,
            "jurisdiction": jurisdiction,
            "publish_consent": publish_consent,
            "channel": channel,
            "status": status,
            "submitted_at": submitted_at,
            "acknowledge_by": acknowledge_by,
            "reply_by": reply_by,
            "timeline": timeline,
        })
        if location is not UNSET:
            field_dict["location"] = location
        if photos is not UNSET:
            field_dict["photos"] = photos
        if submitter_phone is not UNSET:
            field_dict["submitter_phone"] = submitter_phone
        if entered_by_role is not UNSET:
            field_dict["entered_by_role"] = entered_by_role
        if reply is not UNSET:
            field_dict["reply"] = reply
        if merged_into is not UNSET:
            field_dict["merged_into"] = merged_into

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reply import Reply # noqa: PLC0415
        from ..models.suggestion_timeline_event import SuggestionTimelineEvent # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        tracking_no = d.pop("tracking_no")

        title = d.pop("title")

        content = d.pop("content")

        category = SuggestionCategory(d.pop("category"))




        division = d.pop("division")

        jurisdiction = d.pop("jurisdiction")

        publish_consent = d.pop("publish_consent")

        channel = Channel(d.pop("channel"))




        status = SuggestionStatus(d.pop("status"))




        submitted_at = d.pop("submitted_at")

        acknowledge_by = d.pop("acknowledge_by")

        reply_by = d.pop("reply_by")

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in (_timeline):
            timeline_item = SuggestionTimelineEvent.from_dict(timeline_item_data)



            timeline.append(timeline_item)


        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        photos = cast(list[str], d.pop("photos", UNSET))


        def _parse_submitter_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitter_phone = _parse_submitter_phone(d.pop("submitter_phone", UNSET))


        def _parse_entered_by_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        entered_by_role = _parse_entered_by_role(d.pop("entered_by_role", UNSET))


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


        def _parse_merged_into(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merged_into = _parse_merged_into(d.pop("merged_into", UNSET))


        exported_suggestion = cls(
            id=id,
            tracking_no=tracking_no,
            title=title,
            content=content,
            category=category,
            division=division,
            jurisdiction=jurisdiction,
            publish_consent=publish_consent,
            channel=channel,
            status=status,
            submitted_at=submitted_at,
            acknowledge_by=acknowledge_by,
            reply_by=reply_by,
            timeline=timeline,
            location=location,
            photos=photos,
            submitter_phone=submitter_phone,
            entered_by_role=entered_by_role,
            reply=reply,
            merged_into=merged_into,
        )


        exported_suggestion.additional_properties = d
        return exported_suggestion

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
