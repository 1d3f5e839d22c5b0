from enum import StrEnum

class Channel(StrEnum):
    HOTLINE_12345 = "hotline_12345"
    MEETING = "meeting"
    MOBILE = "mobile"
    PAPER = "paper"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
