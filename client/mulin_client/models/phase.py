from enum import StrEnum

class Phase(StrEnum):
    CLOSED = "closed"
    EVALUATION = "evaluation"
    IMPLEMENTATION = "implementation"
    PROPOSALS = "proposals"
    RESULTS = "results"
    REVIEW = "review"
    TALLYING = "tallying"
    UPCOMING = "upcoming"
    VOTING = "voting"

    def __str__(self) -> str:
        return str(self.value)
