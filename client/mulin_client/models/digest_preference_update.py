from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.digest_channel import DigestChannel






T = TypeVar("T", bound="DigestPreferenceUpdate")



@_attrs_define
class DigestPreferenceUpdate:
    """ Turn one's morning digest on or off, and choose SMS or e-mail.

        Attributes:
            enabled (bool): false: no digest until turned on again
            channel (DigestChannel):
     """

    enabled: bool
    channel: DigestChannel





    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        channel = self.channel.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "enabled": enabled,
            "channel": channel,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        channel = DigestChannel(d.pop("channel"))




        digest_preference_update = cls(
            enabled=enabled,
            channel=channel,
        )

        return digest_preference_update

