from enum import StrEnum

class SelectionRule(StrEnum):
    GREEDY = "greedy"
    MES = "mes"

    def __str__(self) -> str:
        return str(self.value)
