from enum import StrEnum

class ReportReason(StrEnum):
    ABUSE = "abuse"
    FALSE_INFORMATION = "false_information"
    OFF_TOPIC = "off_topic"
    OTHER = "other"
    PERSONAL_DATA = "personal_data"
    SPAM = "spam"

    def __str__(self) -> str:
        return str(self.value)
