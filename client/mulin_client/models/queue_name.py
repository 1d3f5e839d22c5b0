from enum import StrEnum

class QueueName(StrEnum):
    FUNDS = "funds"
    RESIDENCES = "residences"
    ROUNDS = "rounds"
    SUGGESTIONS = "suggestions"

    def __str__(self) -> str:
        return str(self.value)
