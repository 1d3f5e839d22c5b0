from enum import StrEnum

class SelectionRule(StrEnum):
    GREEDY = "greedy"
    MES = "mes"
    TOP_K = "top_k"

    def __str__(self) -> str:
        return str(self.value)
