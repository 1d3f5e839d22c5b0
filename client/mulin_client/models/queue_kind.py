from enum import StrEnum

class QueueKind(StrEnum):
    APPEAL = "appeal"
    REPORT = "report"
    SCHEDULE = "schedule"

    def __str__(self) -> str:
        return str(self.value)
