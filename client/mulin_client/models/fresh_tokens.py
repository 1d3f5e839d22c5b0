from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fresh_tokens_pool import FreshTokensPool






T = TypeVar("T", bound="FreshTokens")



@_attrs_define
class FreshTokens:
    """ 
        Attributes:
            id_token (str): a new Cognito ID token, for the Authorization header
            access_token (str): a new Cognito access token, for Cognito's own account calls
            expires_in (int): seconds both tokens stay valid
            pool (FreshTokensPool):
     """

    id_token: str
    access_token: str
    expires_in: int
    pool: FreshTokensPool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id_token = self.id_token

        access_token = self.access_token

        expires_in = self.expires_in

        pool = self.pool.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id_token": id_token,
            "access_token": access_token,
            "expires_in": expires_in,
            "pool": pool,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id_token = d.pop("id_token")

        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        pool = FreshTokensPool(d.pop("pool"))




        fresh_tokens = cls(
            id_token=id_token,
            access_token=access_token,
            expires_in=expires_in,
            pool=pool,
        )


        fresh_tokens.additional_properties = d
        return fresh_tokens

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
