from enum import StrEnum

class PathStep(StrEnum):
    ANSWERED = "answered"
    DECIDED = "decided"
    MEETING_HELD = "meeting_held"
    MEETING_SCHEDULED = "meeting_scheduled"
    PROJECT_CREATED = "project_created"
    PROJECT_EVALUATED = "project_evaluated"
    QUEUED = "queued"
    RAISED = "raised"
    SUPPORTED = "supported"

    def __str__(self) -> str:
        return str(self.value)
