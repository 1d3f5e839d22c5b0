from enum import StrEnum

class PublicationStatusState(StrEnum):
    FAILED = "failed"
    PUBLISHED = "published"
    QUEUED = "queued"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
