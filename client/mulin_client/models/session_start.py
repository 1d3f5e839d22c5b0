from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.session_start_pool import SessionStartPool






T = TypeVar("T", bound="SessionStart")



@_attrs_define
class SessionStart:
    """ The refresh token Cognito just gave the pages, and the pool they signed in through.

        Attributes:
            refresh_token (str): Cognito's RefreshToken from InitiateAuth or RespondToAuthChallenge
            pool (SessionStartPool): residents (the residents' app client) or officials (the officials' one)
     """

    refresh_token: str
    pool: SessionStartPool





    def to_dict(self) -> dict[str, Any]:
        refresh_token = self.refresh_token

        pool = self.pool.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "refresh_token": refresh_token,
            "pool": pool,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        refresh_token = d.pop("refresh_token")

        pool = SessionStartPool(d.pop("pool"))




        session_start = cls(
            refresh_token=refresh_token,
            pool=pool,
        )

        return session_start

