from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.suggestion_status import SuggestionStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ActionResult")



@_attrs_define
class ActionResult:
    """ 
        Attributes:
            id (str):
            status (SuggestionStatus):
            version (int):
            jurisdiction (str):
            allowed_actions (list[str]): what the case accepts next
            due_at (None | str | Unset):
     """

    id: str
    status: SuggestionStatus
    version: int
    jurisdiction: str
    allowed_actions: list[str]
    due_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        version = self.version

        jurisdiction = self.jurisdiction

        allowed_actions = self.allowed_actions



        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        else:
            due_at = self.due_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "version": version,
            "jurisdiction": jurisdiction,
            "allowed_actions": allowed_actions,
        })
        if due_at is not UNSET:
            field_dict["due_at"] = due_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = SuggestionStatus(d.pop("status"))




        version = d.pop("version")

        jurisdiction = d.pop("jurisdiction")

        allowed_actions = cast(list[str], d.pop("allowed_actions"))


        def _parse_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))


        action_result = cls(
            id=id,
            status=status,
            version=version,
            jurisdiction=jurisdiction,
            allowed_actions=allowed_actions,
            due_at=due_at,
        )


        action_result.additional_properties = d
        return action_result

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
