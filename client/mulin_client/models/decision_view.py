from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.carried_to import CarriedTo





T = TypeVar("T", bound="DecisionView")



@_attrs_define
class DecisionView:
    """ 
        Attributes:
            id (str):
            text (str):
            votes_for (int):
            votes_against (int):
            votes_abstain (int):
            passed (bool): more than half of the votes cast were for it
            decided_at (str):
            carried_to (CarriedTo | None | Unset):
     """

    id: str
    text: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    passed: bool
    decided_at: str
    carried_to: CarriedTo | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.carried_to import CarriedTo # noqa: PLC0415
        id = self.id

        text = self.text

        votes_for = self.votes_for

        votes_against = self.votes_against

        votes_abstain = self.votes_abstain

        passed = self.passed

        decided_at = self.decided_at

        carried_to: dict[str, Any] | None | Unset
        if isinstance(self.carried_to, Unset):
            carried_to = UNSET
        elif isinstance(self.carried_to, CarriedTo):
            carried_to = self.carried_to.to_dict()
        else:
            carried_to = self.carried_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "text": text,
            "votes_for": votes_for,
            "votes_against": votes_against,
            "votes_abstain": votes_abstain,
            "passed": passed,
            "decided_at": decided_at,
        })
        if carried_to is not UNSET:
            field_dict["carried_to"] = carried_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.carried_to import CarriedTo # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        votes_for = d.pop("votes_for")

        votes_against = d.pop("votes_against")

        votes_abstain = d.pop("votes_abstain")

        passed = d.pop("passed")

        decided_at = d.pop("decided_at")

        def _parse_carried_to(data: object) -> CarriedTo | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                carried_to_type_0 = CarriedTo.from_dict(data)



                return carried_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CarriedTo | None | Unset, data)

        carried_to = _parse_carried_to(d.pop("carried_to", UNSET))


        decision_view = cls(
            id=id,
            text=text,
            votes_for=votes_for,
            votes_against=votes_against,
            votes_abstain=votes_abstain,
            passed=passed,
            decided_at=decided_at,
            carried_to=carried_to,
        )


        decision_view.additional_properties = d
        return decision_view

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
