from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.held_back_item_status import HeldBackItemStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.held_back_reason import HeldBackReason
  from ..models.held_back_source import HeldBackSource





T = TypeVar("T", bound="HeldBackItem")



@_attrs_define
class HeldBackItem:
    """ 
        Attributes:
            id (str): {month}.{kind}.{record id}.{field}, for POST /review/held-back/{id}/release
            month (str):
            source (HeldBackSource):
            reasons (list[HeldBackReason]):
            excerpt (str): the text as it would be published, each doubtful number masked (139*****67)
            digest (str): names this very text: a release must send it back
            status (HeldBackItemStatus): released: published by the month's next run, while the text stays the same
            held_at (str): when the month's last run held it back
            released_at (None | str | Unset):
     """

    id: str
    month: str
    source: HeldBackSource
    reasons: list[HeldBackReason]
    excerpt: str
    digest: str
    status: HeldBackItemStatus
    held_at: str
    released_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.held_back_reason import HeldBackReason # noqa: PLC0415
        from ..models.held_back_source import HeldBackSource # noqa: PLC0415
        id = self.id

        month = self.month

        source = self.source.to_dict()

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)



        excerpt = self.excerpt

        digest = self.digest

        status = self.status.value

        held_at = self.held_at

        released_at: None | str | Unset
        if isinstance(self.released_at, Unset):
            released_at = UNSET
        else:
            released_at = self.released_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "month": month,
            "source": source,
            "reasons": reasons,
            "excerpt": excerpt,
            "digest": digest,
            "status": status,
            "held_at": held_at,
        })
        if released_at is not UNSET:
            field_dict["released_at"] = released_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.held_back_reason import HeldBackReason # noqa: PLC0415
        from ..models.held_back_source import HeldBackSource # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        month = d.pop("month")

        source = HeldBackSource.from_dict(d.pop("source"))




        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = HeldBackReason.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        excerpt = d.pop("excerpt")

        digest = d.pop("digest")

        status = HeldBackItemStatus(d.pop("status"))




        held_at = d.pop("held_at")

        def _parse_released_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        released_at = _parse_released_at(d.pop("released_at", UNSET))


        held_back_item = cls(
            id=id,
            month=month,
            source=source,
            reasons=reasons,
            excerpt=excerpt,
            digest=digest,
            status=status,
            held_at=held_at,
            released_at=released_at,
        )


        held_back_item.additional_properties = d
        return held_back_item

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
