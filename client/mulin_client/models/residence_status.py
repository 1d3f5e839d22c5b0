from enum import StrEnum

class ResidenceStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    ENDED = "ended"
    PENDING = "pending"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
