from enum import StrEnum

class MovementKind(StrEnum):
    ALLOCATE = "allocate"
    COMMIT = "commit"
    DISBURSE = "disburse"
    REFUND = "refund"
    RELEASE = "release"

    def __str__(self) -> str:
        return str(self.value)
