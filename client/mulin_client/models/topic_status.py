from enum import StrEnum

class TopicStatus(StrEnum):
    ANSWERED = "answered"
    OPEN = "open"
    QUEUED = "queued"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
