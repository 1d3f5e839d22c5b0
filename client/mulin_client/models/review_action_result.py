from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.residence_status import ResidenceStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.verified_by import VerifiedBy





T = TypeVar("T", bound="ReviewActionResult")



@_attrs_define
class ReviewActionResult:
    """ 
        Attributes:
            id (str):
            status (ResidenceStatus):
            version (int):
            allowed_actions (list[str]):
            directory_synced (bool): the resident's account carries the decision already; if not, it is copied again when
                they open their residence page
            decided_at (None | str | Unset):
            decided_by (None | Unset | VerifiedBy):
     """

    id: str
    status: ResidenceStatus
    version: int
    allowed_actions: list[str]
    directory_synced: bool
    decided_at: None | str | Unset = UNSET
    decided_by: None | Unset | VerifiedBy = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.verified_by import VerifiedBy # noqa: PLC0415
        id = self.id

        status = self.status.value

        version = self.version

        allowed_actions = self.allowed_actions



        directory_synced = self.directory_synced

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        else:
            decided_at = self.decided_at

        decided_by: dict[str, Any] | None | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        elif isinstance(self.decided_by, VerifiedBy):
            decided_by = self.decided_by.to_dict()
        else:
            decided_by = self.decided_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "version": version,
            "allowed_actions": allowed_actions,
            "directory_synced": directory_synced,
        })
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verified_by import VerifiedBy # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        status = ResidenceStatus(d.pop("status"))




        version = d.pop("version")

        allowed_actions = cast(list[str], d.pop("allowed_actions"))


        directory_synced = d.pop("directory_synced")

        def _parse_decided_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        def _parse_decided_by(data: object) -> None | Unset | VerifiedBy:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decided_by_type_0 = VerifiedBy.from_dict(data)



                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerifiedBy, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))


        review_action_result = cls(
            id=id,
            status=status,
            version=version,
            allowed_actions=allowed_actions,
            directory_synced=directory_synced,
            decided_at=decided_at,
            decided_by=decided_by,
        )


        review_action_result.additional_properties = d
        return review_action_result

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
