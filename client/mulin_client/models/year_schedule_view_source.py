from enum import StrEnum

class YearScheduleViewSource(StrEnum):
    CHINESECALENDAR = "chinesecalendar"
    STORED = "stored"
    WEEKDAYS_ONLY = "weekdays_only"

    def __str__(self) -> str:
        return str(self.value)
