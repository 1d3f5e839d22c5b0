from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AnswerFundObjectionRequest")



@_attrs_define
class AnswerFundObjectionRequest:
    """ The committee answers one objection raised during the public notice.

        Attributes:
            version (int): the version last seen; refused (409) if stale
            objection_id (str): the objection answered
            answer (str): the answer the objector and the public read
     """

    version: int
    objection_id: str
    answer: str





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        objection_id = self.objection_id

        answer = self.answer


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
            "objection_id": objection_id,
            "answer": answer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        objection_id = d.pop("objection_id")

        answer = d.pop("answer")

        answer_fund_objection_request = cls(
            version=version,
            objection_id=objection_id,
            answer=answer,
        )

        return answer_fund_objection_request

