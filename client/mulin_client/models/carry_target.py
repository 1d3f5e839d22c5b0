from enum import StrEnum

class CarryTarget(StrEnum):
    CONVENTION = "convention"
    FUND_APPLICATION = "fund_application"
    PB_PROPOSAL = "pb_proposal"
    SUGGESTION = "suggestion"

    def __str__(self) -> str:
        return str(self.value)
