from enum import StrEnum

class CommunityType(StrEnum):
    COMMERCIAL_HOUSING = "commercial_housing"
    INTERNATIONAL = "international"
    MIXED = "mixed"
    OLD_NEIGHBOURHOOD = "old_neighbourhood"
    RURAL = "rural"

    def __str__(self) -> str:
        return str(self.value)
