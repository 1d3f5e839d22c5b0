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






T = TypeVar("T", bound="SuggestionSummary")



@_attrs_define
class SuggestionSummary:
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
            due_at (None | str | Unset): the deadline of the current stage
            overdue (bool | Unset):  Default: False.
            submitter_phone_masked (None | str | Unset):
            merged_into (None | str | Unset):
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
    due_at: None | str | Unset = UNSET
    overdue: bool | Unset = False
    submitter_phone_masked: None | str | Unset = UNSET
    merged_into: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
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
        })
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if submitter_phone_masked is not UNSET:
            field_dict["submitter_phone_masked"] = submitter_phone_masked
        if merged_into is not UNSET:
            field_dict["merged_into"] = merged_into

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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


        suggestion_summary = cls(
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
            due_at=due_at,
            overdue=overdue,
            submitter_phone_masked=submitter_phone_masked,
            merged_into=merged_into,
        )


        suggestion_summary.additional_properties = d
        return suggestion_summary

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
