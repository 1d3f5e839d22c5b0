from enum import StrEnum

class MethodKind(StrEnum):
    APPROVAL = "approval"
    CUMULATIVE = "cumulative"
    KNAPSACK = "knapsack"

    def __str__(self) -> str:
        return str(self.value)
