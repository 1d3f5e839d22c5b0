from enum import StrEnum

class TallyJobState(StrEnum):
    COUNTING = "counting"
    DONE = "done"
    FAILED = "failed"
    QUEUED = "queued"

    def __str__(self) -> str:
        return str(self.value)
