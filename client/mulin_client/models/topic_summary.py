from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.topic_status import TopicStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.hidden_mark import HiddenMark





T = TypeVar("T", bound="TopicSummary")



@_attrs_define
class TopicSummary:
    """ 
        Attributes:
            id (str):
            division (str):
            title (None | str): null while hidden (to all but the author)
            status (TopicStatus):
            supports (int):
            threshold (int):
            created_at (str):
            mine (bool): the caller raised it
            due_at (None | str | Unset): while staff owe a meeting or an answer
            hidden (HiddenMark | None | Unset):
     """

    id: str
    division: str
    title: None | str
    status: TopicStatus
    supports: int
    threshold: int
    created_at: str
    mine: bool
    due_at: None | str | Unset = UNSET
    hidden: HiddenMark | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.hidden_mark import HiddenMark # noqa: PLC0415
        id = self.id

        division = self.division

        title: None | str
        title = self.title

        status = self.status.value

        supports = self.supports

        threshold = self.threshold

        created_at = self.created_at

        mine = self.mine

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        else:
            due_at = self.due_at

        hidden: dict[str, Any] | None | Unset
        if isinstance(self.hidden, Unset):
            hidden = UNSET
        elif isinstance(self.hidden, HiddenMark):
            hidden = self.hidden.to_dict()
        else:
            hidden = self.hidden


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "division": division,
            "title": title,
            "status": status,
            "supports": supports,
            "threshold": threshold,
            "created_at": created_at,
            "mine": mine,
        })
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if hidden is not UNSET:
            field_dict["hidden"] = hidden

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hidden_mark import HiddenMark # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        division = d.pop("division")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        status = TopicStatus(d.pop("status"))




        supports = d.pop("supports")

        threshold = d.pop("threshold")

        created_at = d.pop("created_at")

        mine = d.pop("mine")

        def _parse_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))


        def _parse_hidden(data: object) -> HiddenMark | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                hidden_type_0 = HiddenMark.from_dict(data)



                return hidden_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HiddenMark | None | Unset, data)

        hidden = _parse_hidden(d.pop("hidden", UNSET))


        topic_summary = cls(
            id=id,
            division=division,
            title=title,
            status=status,
            supports=supports,
            threshold=threshold,
            created_at=created_at,
            mine=mine,
            due_at=due_at,
            hidden=hidden,
        )


        topic_summary.additional_properties = d
        return topic_summary

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
