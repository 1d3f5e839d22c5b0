from enum import StrEnum

class FundStatus(StrEnum):
    ACCEPTED = "accepted"
    APPROVED = "approved"
    CANCELLED = "cancelled"
    CHANGES_REQUESTED = "changes_requested"
    CLOSED = "closed"
    DRAFT = "draft"
    FUNDED = "funded"
    IN_NOTICE = "in_notice"
    IN_PROGRESS = "in_progress"
    REJECTED = "rejected"
    REPORTED = "reported"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
