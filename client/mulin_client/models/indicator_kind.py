from enum import StrEnum

class IndicatorKind(StrEnum):
    BASIC = "basic"
    GUIDANCE = "guidance"

    def __str__(self) -> str:
        return str(self.value)
