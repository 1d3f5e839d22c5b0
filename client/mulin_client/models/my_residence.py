from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.current_residence import CurrentResidence
  from ..models.residence_request import ResidenceRequest





T = TypeVar("T", bound="MyResidence")



@_attrs_define
class MyResidence:
    """ 
        Attributes:
            requests (list[ResidenceRequest]): newest first
            current (CurrentResidence | None | Unset):
     """

    requests: list[ResidenceRequest]
    current: CurrentResidence | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.current_residence import CurrentResidence # noqa: PLC0415
        from ..models.residence_request import ResidenceRequest # noqa: PLC0415
        requests = []
        for requests_item_data in self.requests:
            requests_item = requests_item_data.to_dict()
            requests.append(requests_item)



        current: dict[str, Any] | None | Unset
        if isinstance(self.current, Unset):
            current = UNSET
        elif isinstance(self.current, CurrentResidence):
            current = self.current.to_dict()
        else:
            current = self.current


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "requests": requests,
        })
        if current is not UNSET:
            field_dict["current"] = current

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.current_residence import CurrentResidence # noqa: PLC0415
        from ..models.residence_request import ResidenceRequest # noqa: PLC0415
        d = dict(src_dict)
        requests = []
        _requests = d.pop("requests")
        for requests_item_data in (_requests):
            requests_item = ResidenceRequest.from_dict(requests_item_data)



            requests.append(requests_item)


        def _parse_current(data: object) -> CurrentResidence | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_type_0 = CurrentResidence.from_dict(data)



                return current_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrentResidence | None | Unset, data)

        current = _parse_current(d.pop("current", UNSET))


        my_residence = cls(
            requests=requests,
            current=current,
        )


        my_residence.additional_properties = d
        return my_residence

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
