from enum import StrEnum

class MeetingKind(StrEnum):
    COORDINATION = "coordination"
    DELIBERATION = "deliberation"
    HEARING = "hearing"
    OPEN_SPACE = "open_space"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
