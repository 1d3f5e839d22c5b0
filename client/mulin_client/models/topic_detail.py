from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.topic_action import TopicAction
from ..models.topic_status import TopicStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.comment_view import CommentView
  from ..models.hidden_mark import HiddenMark
  from ..models.path_entry import PathEntry





T = TypeVar("T", bound="TopicDetail")



@_attrs_define
class TopicDetail:
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
            background (None | str):
            proposal (None | str):
            photos (list[str]):
            meeting_ids (list[str]):
            supported_by_me (bool):
            can_support (bool):
            can_comment (bool):
            path (list[PathEntry]):
            comments (list[CommentView]):
            due_at (None | str | Unset): while staff owe a meeting or an answer
            hidden (HiddenMark | None | Unset):
            photo_urls (list[str] | Unset): the same photos as links a browser can show, in the same order; each lapses
                after an hour
            answer (None | str | Unset): staff's reason for holding no meeting
            allowed_actions (list[TopicAction] | Unset): officials only
     """

    id: str
    division: str
    title: None | str
    status: TopicStatus
    supports: int
    threshold: int
    created_at: str
    mine: bool
    background: None | str
    proposal: None | str
    photos: list[str]
    meeting_ids: list[str]
    supported_by_me: bool
    can_support: bool
    can_comment: bool
    path: list[PathEntry]
    comments: list[CommentView]
    due_at: None | str | Unset = UNSET
    hidden: HiddenMark | None | Unset = UNSET
    photo_urls: list[str] | Unset = UNSET
    answer: None | str | Unset = UNSET
    allowed_actions: list[TopicAction] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.comment_view import CommentView # noqa: PLC0415
        from ..models.hidden_mark import HiddenMark # noqa: PLC0415
        from ..models.path_entry import PathEntry # noqa: PLC0415
        id = self.id

        division = self.division

        title: None | str
        title = self.title

        status = self.status.value

        supports = self.supports

        threshold = self.threshold

        created_at = self.created_at

        mine = self.mine

        background: None | str
        background = self.background

        proposal: None | str
        proposal = self.proposal

        photos = self.photos



        meeting_ids = self.meeting_ids



        supported_by_me = self.supported_by_me

        can_support = self.can_support

        can_comment = self.can_comment

        path = []
        for path_item_data in self.path:
            path_item = path_item_data.to_dict()
            path.append(path_item)



        comments = []
        for comments_item_data in self.comments:
            comments_item = comments_item_data.to_dict()
            comments.append(comments_item)



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

        photo_urls: list[str] | Unset = UNSET
        if not isinstance(self.photo_urls, Unset):
            photo_urls = self.photo_urls



        answer: None | str | Unset
        if isinstance(self.answer, Unset):
            answer = UNSET
        else:
            answer = self.answer

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
            "division": division,
            "title": title,
            "status": status,
            "supports": supports,
            "threshold": threshold,
            "created_at": created_at,
            "mine": mine,
            "background": background,
            "proposal": proposal,
            "photos": photos,
            "meeting_ids": meeting_ids,
            "supported_by_me": supported_by_me,
            "can_support": can_support,
            "can_comment": can_comment,
            "path": path,
            "comments": comments,
        })
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if hidden is not UNSET:
            field_dict["hidden"] = hidden
        if photo_urls is not UNSET:
            field_dict["photo_urls"] = photo_urls
        if answer is not UNSET:
            field_dict["answer"] = answer
        if allowed_actions is not UNSET:
            field_dict["allowed_actions"] = allowed_actions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_view import CommentView # noqa: PLC0415
        from ..models.hidden_mark import HiddenMark # noqa: PLC0415
        from ..models.path_entry import PathEntry # noqa: PLC0415
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

        def _parse_background(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        background = _parse_background(d.pop("background"))


        def _parse_proposal(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        proposal = _parse_proposal(d.pop("proposal"))


        photos = cast(list[str], d.pop("photos"))


        meeting_ids = cast(list[str], d.pop("meeting_ids"))


        supported_by_me = d.pop("supported_by_me")

        can_support = d.pop("can_support")

        can_comment = d.pop("can_comment")

        path = []
        _path = d.pop("path")
        for path_item_data in (_path):
            path_item = PathEntry.from_dict(path_item_data)



            path.append(path_item)


        comments = []
        _comments = d.pop("comments")
        for comments_item_data in (_comments):
            comments_item = CommentView.from_dict(comments_item_data)



            comments.append(comments_item)


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


        photo_urls = cast(list[str], d.pop("photo_urls", UNSET))


        def _parse_answer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        answer = _parse_answer(d.pop("answer", UNSET))


        _allowed_actions = d.pop("allowed_actions", UNSET)
        allowed_actions: list[TopicAction] | Unset = UNSET
        if _allowed_actions is not UNSET:
            allowed_actions = []
            for allowed_actions_item_data in _allowed_actions:
                allowed_actions_item = TopicAction(allowed_actions_item_data)



                allowed_actions.append(allowed_actions_item)


        topic_detail = cls(
            id=id,
            division=division,
            title=title,
            status=status,
            supports=supports,
            threshold=threshold,
            created_at=created_at,
            mine=mine,
            background=background,
            proposal=proposal,
            photos=photos,
            meeting_ids=meeting_ids,
            supported_by_me=supported_by_me,
            can_support=can_support,
            can_comment=can_comment,
            path=path,
            comments=comments,
            due_at=due_at,
            hidden=hidden,
            photo_urls=photo_urls,
            answer=answer,
            allowed_actions=allowed_actions,
        )


        topic_detail.additional_properties = d
        return topic_detail

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
