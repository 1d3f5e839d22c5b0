from enum import StrEnum

class NominationSource(StrEnum):
    FUND_APPLICATION = "fund_application"
    ROUND_PROJECT = "round_project"

    def __str__(self) -> str:
        return str(self.value)
