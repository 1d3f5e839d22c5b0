from enum import StrEnum

class SessionStartPool(StrEnum):
    OFFICIALS = "officials"
    RESIDENTS = "residents"

    def __str__(self) -> str:
        return str(self.value)
