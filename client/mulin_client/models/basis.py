from enum import StrEnum

class Basis(StrEnum):
    HUKOU = "hukou"
    RESIDENT = "resident"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
