from enum import StrEnum

class ApplicationDetailView(StrEnum):
    FULL = "full"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
