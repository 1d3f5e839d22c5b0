from enum import StrEnum

class QueueOrder(StrEnum):
    DEADLINE = "deadline"
    OLDEST = "oldest"

    def __str__(self) -> str:
        return str(self.value)
