from enum import StrEnum

class Adoption(StrEnum):
    ADOPTED = "adopted"
    NOT_ADOPTED = "not_adopted"
    PARTLY_ADOPTED = "partly_adopted"

    def __str__(self) -> str:
        return str(self.value)
