from enum import StrEnum

class HeldBackSourceKind(StrEnum):
    PROJECT = "project"
    ROUND = "round"
    SUGGESTION = "suggestion"

    def __str__(self) -> str:
        return str(self.value)
