from enum import StrEnum

class SuggestionStatus(StrEnum):
    ACCEPTED = "accepted"
    ASSIGNED = "assigned"
    CLOSED = "closed"
    DECLINED = "declined"
    MERGED = "merged"
    REOPENED = "reopened"
    REPLIED = "replied"
    SUBMITTED = "submitted"
    TRANSFERRED = "transferred"

    def __str__(self) -> str:
        return str(self.value)
