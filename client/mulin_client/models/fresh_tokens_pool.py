from enum import StrEnum

class FreshTokensPool(StrEnum):
    OFFICIALS = "officials"
    RESIDENTS = "residents"

    def __str__(self) -> str:
        return str(self.value)
