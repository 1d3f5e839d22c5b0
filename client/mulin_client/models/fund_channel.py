from enum import StrEnum

class FundChannel(StrEnum):
    MEETING = "meeting"
    PAPER = "paper"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
