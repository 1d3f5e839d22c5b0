from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.project_status import ProjectStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.nomination_view import NominationView





T = TypeVar("T", bound="Project")



@_attrs_define
class Project:
    """ 
        Attributes:
            id (str):
            title (str):
            description (str):
            estimated_cost_fen (int):
            status (ProjectStatus):
            submitted_at (str):
            location (None | str | Unset):
            final_cost_fen (int | None | Unset):
            review_reason (None | str | Unset):
            photos (list[str] | Unset): storage keys of the project's photos
            photo_urls (list[str] | Unset): the same photos as links a browser can show, in the same order; each lapses
                after an hour
            added_by_official (bool | Unset):  Default: False.
            version (int | Unset):  Default: 1.
            nomination (NominationView | None | Unset): a selection's candidate: its source
     """

    id: str
    title: str
    description: str
    estimated_cost_fen: int
    status: ProjectStatus
    submitted_at: str
    location: None | str | Unset = UNSET
    final_cost_fen: int | None | Unset = UNSET
    review_reason: None | str | Unset = UNSET
    photos: list[str] | Unset = UNSET
    photo_urls: list[str] | Unset = UNSET
    added_by_official: bool | Unset = False
    version: int | Unset = 1
    nomination: NominationView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.nomination_view import NominationView # noqa: PLC0415
        id = self.id

        title = self.title

        description = self.description

        estimated_cost_fen = self.estimated_cost_fen

        status = self.status.value

        submitted_at = self.submitted_at

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        final_cost_fen: int | None | Unset
        if isinstance(self.final_cost_fen, Unset):
            final_cost_fen = UNSET
        else:
            final_cost_fen = self.final_cost_fen

        review_reason: None | str | Unset
        if isinstance(self.review_reason, Unset):
            review_reason = UNSET
        else:
            review_reason = self.review_reason

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos



        photo_urls: list[str] | Unset = UNSET
        if not isinstance(self.photo_urls, Unset):
            photo_urls = self.photo_urls



        added_by_official = self.added_by_official

        version = self.version

        nomination: dict[str, Any] | None | Unset
        if isinstance(self.nomination, Unset):
            nomination = UNSET
        elif isinstance(self.nomination, NominationView):
            nomination = self.nomination.to_dict()
        else:
            nomination = self.nomination


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "title": title,
            "description": description,
            "estimated_cost_fen": estimated_cost_fen,
            "status": status,
            "submitted_at": submitted_at,
        })
        if location is not UNSET:
            field_dict["location"] = location
        if final_cost_fen is not UNSET:
            field_dict["final_cost_fen"] = final_cost_fen
        if review_reason is not UNSET:
            field_dict["review_reason"] = review_reason
        if photos is not UNSET:
            field_dict["photos"] = photos
        if photo_urls is not UNSET:
            field_dict["photo_urls"] = photo_urls
        if added_by_official is not UNSET:
            field_dict["added_by_official"] = added_by_official
        if version is not UNSET:
            field_dict["version"] = version
        if nomination is not UNSET:
            field_dict["nomination"] = nomination

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.nomination_view import NominationView # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        description = d.pop("description")

        estimated_cost_fen = d.pop("estimated_cost_fen")

        status = ProjectStatus(d.pop("status"))




        submitted_at = d.pop("submitted_at")

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        def _parse_final_cost_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        final_cost_fen = _parse_final_cost_fen(d.pop("final_cost_fen", UNSET))


        def _parse_review_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_reason = _parse_review_reason(d.pop("review_reason", UNSET))


        photos = cast(list[str], d.pop("photos", UNSET))


        photo_urls = cast(list[str], d.pop("photo_urls", UNSET))


        added_by_official = d.pop("added_by_official", UNSET)

        version = d.pop("version", UNSET)

        def _parse_nomination(data: object) -> NominationView | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                nomination_type_0 = NominationView.from_dict(data)



                return nomination_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NominationView | None | Unset, data)

        nomination = _parse_nomination(d.pop("nomination", UNSET))


        project = cls(
            id=id,
            title=title,
            description=description,
            estimated_cost_fen=estimated_cost_fen,
            status=status,
            submitted_at=submitted_at,
            location=location,
            final_cost_fen=final_cost_fen,
            review_reason=review_reason,
            photos=photos,
            photo_urls=photo_urls,
            added_by_official=added_by_official,
            version=version,
            nomination=nomination,
        )


        project.additional_properties = d
        return project

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
