from enum import StrEnum

class ProjectStatus(StrEnum):
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
