from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.suggestion_status import SuggestionStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.deadlines import Deadlines





T = TypeVar("T", bound="SubmissionReceipt")



@_attrs_define
class SubmissionReceipt:
    """ 
        Attributes:
            id (str):
            tracking_no (str):
            status (SuggestionStatus):
            submitted_at (str):
            deadlines (Deadlines):
     """

    id: str
    tracking_no: str
    status: SuggestionStatus
    submitted_at: str
    deadlines: Deadlines
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.deadlines import Deadlines # noqa: PLC0415
        id = self.id

        tracking_no = self.tracking_no

        status = self.status.value

        submitted_at = self.submitted_at

        deadlines = self.deadlines.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "tracking_no": tracking_no,
            "status": status,
            "submitted_at": submitted_at,
            "deadlines": deadlines,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deadlines import Deadlines # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        tracking_no = d.pop("tracking_no")

        status = SuggestionStatus(d.pop("status"))




        submitted_at = d.pop("submitted_at")

        deadlines = Deadlines.from_dict(d.pop("deadlines"))




        submission_receipt = cls(
            id=id,
            tracking_no=tracking_no,
            status=status,
            submitted_at=submitted_at,
            deadlines=deadlines,
        )


        submission_receipt.additional_properties = d
        return submission_receipt

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
