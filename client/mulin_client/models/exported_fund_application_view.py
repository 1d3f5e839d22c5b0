from enum import StrEnum

class ExportedFundApplicationView(StrEnum):
    FULL = "full"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
