from enum import StrEnum

class HeldBackReasonKind(StrEnum):
    ID_NUMBER = "id_number"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
