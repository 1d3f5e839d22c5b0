from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.pool_create_amounts_by_type_type_0 import PoolCreateAmountsByTypeType0





T = TypeVar("T", bound="PoolCreate")



@_attrs_define
class PoolCreate:
    """ For a committee: `allocated_fen`. For a street: an amount per community type, and
    `default_fen` for committees whose type is not recorded (or they are skipped).

        Attributes:
            per_application_cap_fen (int): the most one application may request
            per_team_cap_fen (int): the most one team may be granted in the year
            allocated_fen (int | None | Unset):
            amounts_by_type (None | PoolCreateAmountsByTypeType0 | Unset):
            default_fen (int | None | Unset):
            notice_days (int | Unset): public notice (公示) length in days Default: 7.
     """

    per_application_cap_fen: int
    per_team_cap_fen: int
    allocated_fen: int | None | Unset = UNSET
    amounts_by_type: None | PoolCreateAmountsByTypeType0 | Unset = UNSET
    default_fen: int | None | Unset = UNSET
    notice_days: int | Unset = 7





    def to_dict(self) -> dict[str, Any]:
        from ..models.pool_create_amounts_by_type_type_0 import PoolCreateAmountsByTypeType0 # noqa: PLC0415
        per_application_cap_fen = self.per_application_cap_fen

        per_team_cap_fen = self.per_team_cap_fen

        allocated_fen: int | None | Unset
        if isinstance(self.allocated_fen, Unset):
            allocated_fen = UNSET
        else:
            allocated_fen = self.allocated_fen

        amounts_by_type: dict[str, Any] | None | Unset
        if isinstance(self.amounts_by_type, Unset):
            amounts_by_type = UNSET
        elif isinstance(self.amounts_by_type, PoolCreateAmountsByTypeType0):
            amounts_by_type = self.amounts_by_type.to_dict()
        else:
            amounts_by_type = self.amounts_by_type

        default_fen: int | None | Unset
        if isinstance(self.default_fen, Unset):
            default_fen = UNSET
        else:
            default_fen = self.default_fen

        notice_days = self.notice_days


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "per_application_cap_fen": per_application_cap_fen,
            "per_team_cap_fen": per_team_cap_fen,
        })
        if allocated_fen is not UNSET:
            field_dict["allocated_fen"] = allocated_fen
        if amounts_by_type is not UNSET:
            field_dict["amounts_by_type"] = amounts_by_type
        if default_fen is not UNSET:
            field_dict["default_fen"] = default_fen
        if notice_days is not UNSET:
            field_dict["notice_days"] = notice_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pool_create_amounts_by_type_type_0 import PoolCreateAmountsByTypeType0 # noqa: PLC0415
        d = dict(src_dict)
        per_application_cap_fen = d.pop("per_application_cap_fen")

        per_team_cap_fen = d.pop("per_team_cap_fen")

        def _parse_allocated_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        allocated_fen = _parse_allocated_fen(d.pop("allocated_fen", UNSET))


        def _parse_amounts_by_type(data: object) -> None | PoolCreateAmountsByTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amounts_by_type_type_0 = PoolCreateAmountsByTypeType0.from_dict(data)



                return amounts_by_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolCreateAmountsByTypeType0 | Unset, data)

        amounts_by_type = _parse_amounts_by_type(d.pop("amounts_by_type", UNSET))


        def _parse_default_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_fen = _parse_default_fen(d.pop("default_fen", UNSET))


        notice_days = d.pop("notice_days", UNSET)

        pool_create = cls(
            per_application_cap_fen=per_application_cap_fen,
            per_team_cap_fen=per_team_cap_fen,
            allocated_fen=allocated_fen,
            amounts_by_type=amounts_by_type,
            default_fen=default_fen,
            notice_days=notice_days,
        )

        return pool_create

