from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.topic_action import TopicAction
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.hidden_mark import HiddenMark





T = TypeVar("T", bound="CommentView")



@_attrs_define
class CommentView:
    """ 
        Attributes:
            id (str):
            parent_id (None | str): the top-level comment this replies to
            text (None | str): null once deleted, or while hidden (to all but the author)
            created_at (str):
            deleted (bool):
            mine (bool):
            edited_at (None | str | Unset):
            hidden (HiddenMark | None | Unset):
            editable_until (None | str | Unset): the author's edit window
            allowed_actions (list[TopicAction] | Unset): officials only: hide a shown comment, restore a hidden one (POST
                /review/topics/{id}/{action} with comment_id)
     """

    id: str
    parent_id: None | str
    text: None | str
    created_at: str
    deleted: bool
    mine: bool
    edited_at: None | str | Unset = UNSET
    hidden: HiddenMark | None | Unset = UNSET
    editable_until: None | str | Unset = UNSET
    allowed_actions: list[TopicAction] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.hidden_mark import HiddenMark # noqa: PLC0415
        id = self.id

        parent_id: None | str
        parent_id = self.parent_id

        text: None | str
        text = self.text

        created_at = self.created_at

        deleted = self.deleted

        mine = self.mine

        edited_at: None | str | Unset
        if isinstance(self.edited_at, Unset):
            edited_at = UNSET
        else:
            edited_at = self.edited_at

        hidden: dict[str, Any] | None | Unset
        if isinstance(self.hidden, Unset):
            hidden = UNSET
        elif isinstance(self.hidden, HiddenMark):
            hidden = self.hidden.to_dict()
        else:
            hidden = self.hidden

        editable_until: None | str | Unset
        if isinstance(self.editable_until, Unset):
            editable_until = UNSET
        else:
            editable_until = self.editable_until

        allowed_actions: list[str] | Unset = UNSET
        if not isinstance(self.allowed_actions, Unset):
            allowed_actions = []
            for allowed_actions_item_data in self.allowed_actions:
                allowed_actions_item = allowed_actions_item_data.value
                allowed_actions.append(allowed_actions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "parent_id": parent_id,
            "text": text,
            "created_at": created_at,
            "deleted": deleted,
            "mine": mine,
        })
        if edited_at is not UNSET:
            field_dict["edited_at"] = edited_at
        if hidden is not UNSET:
            field_dict["hidden"] = hidden
        if editable_until is not UNSET:
            field_dict["editable_until"] = editable_until
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hidden_mark import HiddenMark # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_parent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))


        def _parse_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text = _parse_text(d.pop("text"))


        created_at = d.pop("created_at")

        deleted = d.pop("deleted")

        mine = d.pop("mine")

        def _parse_edited_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        edited_at = _parse_edited_at(d.pop("edited_at", UNSET))


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


        def _parse_editable_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        editable_until = _parse_editable_until(d.pop("editable_until", UNSET))


        _allowed_actions = d.pop("allowed_actions", UNSET)
        allowed_actions: list[TopicAction] | Unset = UNSET
        if _allowed_actions is not UNSET:
            allowed_actions = []
            for allowed_actions_item_data in _allowed_actions:
                allowed_actions_item = TopicAction(allowed_actions_item_data)



                allowed_actions.append(allowed_actions_item)


        comment_view = cls(
            id=id,
            parent_id=parent_id,
            text=text,
            created_at=created_at,
            deleted=deleted,
            mine=mine,
            edited_at=edited_at,
            hidden=hidden,
            editable_until=editable_until,
            allowed_actions=allowed_actions,
        )


        comment_view.additional_properties = d
        return comment_view

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
