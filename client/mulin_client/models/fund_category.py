from enum import StrEnum

class FundCategory(StrEnum):
    CULTURE = "culture"
    DELIBERATION = "deliberation"
    ELDERLY_SERVICE = "elderly_service"
    GREENING = "greening"
    LEADER_TRAINING = "leader_training"
    MICRO_RENOVATION = "micro_renovation"
    OLD_AND_YOUNG = "old_and_young"
    OTHER = "other"
    SAFETY = "safety"
    TEAM_BUILDING = "team_building"

    def __str__(self) -> str:
        return str(self.value)
