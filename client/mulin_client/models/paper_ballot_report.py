from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.paper_ballot_line import PaperBallotLine





T = TypeVar("T", bound="PaperBallotReport")



@_attrs_define
class PaperBallotReport:
    """ 
        Attributes:
            round_id (str):
            accepted (int):
            refused (int):
            lines (list[PaperBallotLine]):
     """

    round_id: str
    accepted: int
    refused: int
    lines: list[PaperBallotLine]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.paper_ballot_line import PaperBallotLine # noqa: PLC0415
        round_id = self.round_id

        accepted = self.accepted

        refused = self.refused

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "round_id": round_id,
            "accepted": accepted,
            "refused": refused,
            "lines": lines,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.paper_ballot_line import PaperBallotLine # noqa: PLC0415
        d = dict(src_dict)
        round_id = d.pop("round_id")

        accepted = d.pop("accepted")

        refused = d.pop("refused")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = PaperBallotLine.from_dict(lines_item_data)



            lines.append(lines_item)


        paper_ballot_report = cls(
            round_id=round_id,
            accepted=accepted,
            refused=refused,
            lines=lines,
        )


        paper_ballot_report.additional_properties = d
        return paper_ballot_report

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
