from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Erased")



@_attrs_define
class Erased:
    """ Counts over every run of the erasure, a repeat included.

        Attributes:
            suggestions_erased (int): cases whose text, place and photos were replaced by a marker
            suggestions_anonymised (int): cases kept with their text (publication consented), without the submitter
            co_submissions_removed (int): merged cases that no longer name the caller
            ratings_anonymised (int):
            photos_deleted (int):
            inbox_messages_deleted (int):
            fund_applications_anonymised (int):
            objections_unlinked (int):
            residence_requests_erased (int):
            uploads_deleted (int): files uploaded but never attached to a record
            topics_anonymised (int): topics kept with their scrubbed text, without author or photos
            supports_anonymised (int): supports still counted, no longer tied to the caller
            comments_erased (int): comments whose text was deleted, leaving a tombstone
            reports_anonymised (int):
            appeals_anonymised (int): appeals kept with their outcome, without text or author
            registrations_erased (int): meeting registrations still counted, without name or phone
            account_deleted (bool): the user pool no longer holds the account
     """

    suggestions_erased: int
    suggestions_anonymised: int
    co_submissions_removed: int
    ratings_anonymised: int
    photos_deleted: int
    inbox_messages_deleted: int
    fund_applications_anonymised: int
    objections_unlinked: int
    residence_requests_erased: int
    uploads_deleted: int
    topics_anonymised: int
    supports_anonymised: int
    comments_erased: int
    reports_anonymised: int
    appeals_anonymised: int
    registrations_erased: int
    account_deleted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        suggestions_erased = self.suggestions_erased

        suggestions_anonymised = self.suggestions_anonymised

        co_submissions_removed = self.co_submissions_removed

        ratings_anonymised = self.ratings_anonymised

        photos_deleted = self.photos_deleted

        inbox_messages_deleted = self.inbox_messages_deleted

        fund_applications_anonymised = self.fund_applications_anonymised

        objections_unlinked = self.objections_unlinked

        residence_requests_erased = self.residence_requests_erased

        uploads_deleted = self.uploads_deleted

        topics_anonymised = self.topics_anonymised

        supports_anonymised = self.supports_anonymised

        comments_erased = self.comments_erased

        reports_anonymised = self.reports_anonymised

        appeals_anonymised = self.appeals_anonymised

        registrations_erased = self.registrations_erased

        account_deleted = self.account_deleted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "suggestions_erased": suggestions_erased,
            "suggestions_anonymised": suggestions_anonymised,
            "co_submissions_removed": co_submissions_removed,
            "ratings_anonymised": ratings_anonymised,
            "photos_deleted": photos_deleted,
            "inbox_messages_deleted": inbox_messages_deleted,
            "fund_applications_anonymised": fund_applications_anonymised,
            "objections_unlinked": objections_unlinked,
            "residence_requests_erased": residence_requests_erased,
            "uploads_deleted": uploads_deleted,
            "topics_anonymised": topics_anonymised,
            "supports_anonymised": supports_anonymised,
            "comments_erased": comments_erased,
            "reports_anonymised": reports_anonymised,
            "appeals_anonymised": appeals_anonymised,
            "registrations_erased": registrations_erased,
            "account_deleted": account_deleted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        suggestions_erased = d.pop("suggestions_erased")

        suggestions_anonymised = d.pop("suggestions_anonymised")

        co_submissions_removed = d.pop("co_submissions_removed")

        ratings_anonymised = d.pop("ratings_anonymised")

        photos_deleted = d.pop("photos_deleted")

        inbox_messages_deleted = d.pop("inbox_messages_deleted")

        fund_applications_anonymised = d.pop("fund_applications_anonymised")

        objections_unlinked = d.pop("objections_unlinked")

        residence_requests_erased = d.pop("residence_requests_erased")

        uploads_deleted = d.pop("uploads_deleted")

        topics_anonymised = d.pop("topics_anonymised")

        supports_anonymised = d.pop("supports_anonymised")

        comments_erased = d.pop("comments_erased")

        reports_anonymised = d.pop("reports_anonymised")

        appeals_anonymised = d.pop("appeals_anonymised")

        registrations_erased = d.pop("registrations_erased")

        account_deleted = d.pop("account_deleted")

        erased = cls(
            suggestions_erased=suggestions_erased,
            suggestions_anonymised=suggestions_anonymised,
            co_submissions_removed=co_submissions_removed,
            ratings_anonymised=ratings_anonymised,
            photos_deleted=photos_deleted,
            inbox_messages_deleted=inbox_messages_deleted,
            fund_applications_anonymised=fund_applications_anonymised,
            objections_unlinked=objections_unlinked,
            residence_requests_erased=residence_requests_erased,
            uploads_deleted=uploads_deleted,
            topics_anonymised=topics_anonymised,
            supports_anonymised=supports_anonymised,
            comments_erased=comments_erased,
            reports_anonymised=reports_anonymised,
            appeals_anonymised=appeals_anonymised,
            registrations_erased=registrations_erased,
            account_deleted=account_deleted,
        )


        erased.additional_properties = d
        return erased

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
