from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="YearScheduleUpdate")



@_attrs_define
class YearScheduleUpdate:
    """ A year's schedule as the State Council published it (国务院办公厅关于…部分节假日安排的通知).

        Attributes:
            holidays (list[datetime.date]): days off (法定节假日), including the weekend days inside each block
            workdays (list[datetime.date]): make-up workdays (调休上班): Saturdays or Sundays that are working days
            source (str): the notice's title or URL
     """

    holidays: list[datetime.date]
    workdays: list[datetime.date]
    source: str





    def to_dict(self) -> dict[str, Any]:
        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)



        workdays = []
        for workdays_item_data in self.workdays:
            workdays_item = workdays_item_data.isoformat()
            workdays.append(workdays_item)



        source = self.source


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "holidays": holidays,
            "workdays": workdays,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        source = d.pop("source")

        year_schedule_update = cls(
            holidays=holidays,
            workdays=workdays,
            source=source,
        )

        return year_schedule_update

