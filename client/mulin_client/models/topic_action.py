from enum import StrEnum

class TopicAction(StrEnum):
    ANSWER = "answer"
    HIDE = "hide"
    REJECT_APPEAL = "reject_appeal"
    RESTORE = "restore"

    def __str__(self) -> str:
        return str(self.value)
