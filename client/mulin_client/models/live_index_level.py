from enum import StrEnum

class LiveIndexLevel(StrEnum):
    CITY = "city"
    COMMITTEE = "committee"
    DISTRICT = "district"
    STREET = "street"

    def __str__(self) -> str:
        return str(self.value)
