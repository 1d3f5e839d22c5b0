from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.year_schedule_view_source import YearScheduleViewSource
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="YearScheduleView")



@_attrs_define
class YearScheduleView:
    """ 
        Attributes:
            year (int):
            holidays (list[datetime.date]): days off that the calendar knows for the year
            workdays (list[datetime.date]): make-up Saturdays and Sundays that are working days
            source (YearScheduleViewSource): stored by an administrator; from the chinesecalendar package; or unknown, so
                Monday to Friday are counted as working days and deadlines are provisional
            notice (None | str | Unset): the notice a stored schedule was taken from
            version (int | Unset): 0 until an administrator stores the year Default: 0.
            updated_at (datetime.datetime | None | Unset):
            warning (None | str | Unset): set from 1 November while next year's schedule is missing
     """

    year: int
    holidays: list[datetime.date]
    workdays: list[datetime.date]
    source: YearScheduleViewSource
    notice: None | str | Unset = UNSET
    version: int | Unset = 0
    updated_at: datetime.datetime | None | Unset = UNSET
    warning: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        year = self.year

        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)



        workdays = []
        for workdays_item_data in self.workdays:
            workdays_item = workdays_item_data.isoformat()
            workdays.append(workdays_item)



        source = self.source.value

        notice: None | str | Unset
        if isinstance(self.notice, Unset):
            notice = UNSET
        else:
            notice = self.notice

        version = self.version

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        warning: None | str | Unset
        if isinstance(self.warning, Unset):
            warning = UNSET
        else:
            warning = self.warning


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "year": year,
            "holidays": holidays,
            "workdays": workdays,
            "source": source,
        })
        if notice is not UNSET:
            field_dict["notice"] = notice
        if version is not UNSET:
            field_dict["version"] = version
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if warning is not UNSET:
            field_dict["warning"] = warning

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        holidays = []
        _holidays = d.pop("holidays")
        for holidays_item_data in (_holidays):
            holidays_item = datetime.date.fromisoformat(holidays_item_data)



            holidays.append(holidays_item)


        workdays = []
        _workdays = d.pop("workdays")
        for workdays_item_data in (_workdays):
            workdays_item = datetime.date.fromisoformat(workdays_item_data)



            workdays.append(workdays_item)


        source = YearScheduleViewSource(d.pop("source"))




        def _parse_notice(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notice = _parse_notice(d.pop("notice", UNSET))


        version = d.pop("version", UNSET)

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))


        def _parse_warning(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        warning = _parse_warning(d.pop("warning", UNSET))


        year_schedule_view = cls(
            year=year,
            holidays=holidays,
            workdays=workdays,
            source=source,
            notice=notice,
            version=version,
            updated_at=updated_at,
            warning=warning,
        )


        year_schedule_view.additional_properties = d
        return year_schedule_view

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
