from enum import StrEnum

class RoundKind(StrEnum):
    PB = "pb"
    SELECTION = "selection"

    def __str__(self) -> str:
        return str(self.value)
