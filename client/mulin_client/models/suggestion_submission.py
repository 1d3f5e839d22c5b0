from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel import Channel
from ..models.suggestion_category import SuggestionCategory
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SuggestionSubmission")



@_attrs_define
class SuggestionSubmission:
    """ 
        Attributes:
            title (str): 主题
            content (str): 事由和对策建议
            category (SuggestionCategory): The categories of Shanghai's people's-suggestion offices (人民建议征集办公室).
            division (str): the street or committee the suggestion concerns
            location (None | str | Unset):
            photos (list[str] | Unset): keys returned by POST /uploads/photos, uploaded already
            publish_consent (bool | Unset): the text may be published anonymously Default: False.
            channel (Channel | Unset):
            submitter_phone (None | str | Unset): staff entries only: the resident's mobile, +86…
            sms_consent (bool | None | Unset): staff entries only: the resident agreed to be told of decisions by SMS
                (居民同意短信通知); unset: yes for paper and meeting entries, no for the hotline
     """

    title: str
    content: str
    category: SuggestionCategory
    division: str
    location: None | str | Unset = UNSET
    photos: list[str] | Unset = UNSET
    publish_consent: bool | Unset = False
    channel: Channel | Unset = UNSET
    submitter_phone: None | str | Unset = UNSET
    sms_consent: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        content = self.content

        category = self.category.value

        division = self.division

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos



        publish_consent = self.publish_consent

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value


        submitter_phone: None | str | Unset
        if isinstance(self.submitter_phone, Unset):
            submitter_phone = UNSET
        else:
            submitter_phone = self.submitter_phone

        sms_consent: bool | None | Unset
        if isinstance(self.sms_consent, Unset):
            sms_consent = UNSET
        else:
            sms_consent = self.sms_consent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
            "content": content,
            "category": category,
            "division": division,
        })
        if location is not UNSET:
            field_dict["location"] = location
        if photos is not UNSET:
            field_dict["photos"] = photos
        if publish_consent is not UNSET:
            field_dict["publish_consent"] = publish_consent
        if channel is not UNSET:
            field_dict["channel"] = channel
        if submitter_phone is not UNSET:
            field_dict["submitter_phone"] = submitter_phone
        if sms_consent is not UNSET:
            field_dict["sms_consent"] = sms_consent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        content = d.pop("content")

        category = SuggestionCategory(d.pop("category"))




        division = d.pop("division")

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        photos = cast(list[str], d.pop("photos", UNSET))


        publish_consent = d.pop("publish_consent", UNSET)

        _channel = d.pop("channel", UNSET)
        channel: Channel | Unset
        if isinstance(_channel,  Unset):
            channel = UNSET
        else:
            channel = Channel(_channel)




        def _parse_submitter_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitter_phone = _parse_submitter_phone(d.pop("submitter_phone", UNSET))


        def _parse_sms_consent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sms_consent = _parse_sms_consent(d.pop("sms_consent", UNSET))


        suggestion_submission = cls(
            title=title,
            content=content,
            category=category,
            division=division,
            location=location,
            photos=photos,
            publish_consent=publish_consent,
            channel=channel,
            submitter_phone=submitter_phone,
            sms_consent=sms_consent,
        )

        return suggestion_submission

