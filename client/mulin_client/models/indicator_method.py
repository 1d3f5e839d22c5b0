from enum import StrEnum

class IndicatorMethod(StrEnum):
    ENTERED = "entered"
    MEASURED = "measured"

    def __str__(self) -> str:
        return str(self.value)
