from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.erased import Erased
  from ..models.kept import Kept





T = TypeVar("T", bound="ErasureReceipt")



@_attrs_define
class ErasureReceipt:
    """ 
        Attributes:
            status (str): erased
            requested_at (str):
            finished_at (str):
            erased (Erased): Counts over every run of the erasure, a repeat included.
            kept (list[Kept]):
     """

    status: str
    requested_at: str
    finished_at: str
    erased: Erased
    kept: list[Kept]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.erased import Erased # noqa: PLC0415
        from ..models.kept import Kept # noqa: PLC0415
        status = self.status

        requested_at = self.requested_at

        finished_at = self.finished_at

        erased = self.erased.to_dict()

        kept = []
        for kept_item_data in self.kept:
            kept_item = kept_item_data.to_dict()
            kept.append(kept_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "requested_at": requested_at,
            "finished_at": finished_at,
            "erased": erased,
            "kept": kept,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.erased import Erased # noqa: PLC0415
        from ..models.kept import Kept # noqa: PLC0415
        d = dict(src_dict)
        status = d.pop("status")

        requested_at = d.pop("requested_at")

        finished_at = d.pop("finished_at")

        erased = Erased.from_dict(d.pop("erased"))




        kept = []
        _kept = d.pop("kept")
        for kept_item_data in (_kept):
            kept_item = Kept.from_dict(kept_item_data)



            kept.append(kept_item)


        erasure_receipt = cls(
            status=status,
            requested_at=requested_at,
            finished_at=finished_at,
            erased=erased,
            kept=kept,
        )


        erasure_receipt.additional_properties = d
        return erasure_receipt

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
