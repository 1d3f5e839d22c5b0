from enum import StrEnum

class MeetingAction(StrEnum):
    ATTEND = "attend"
    CANCEL = "cancel"
    CARRY = "carry"
    DECIDE = "decide"
    MINUTES = "minutes"
    REGISTER = "register"
    UNREGISTER = "unregister"

    def __str__(self) -> str:
        return str(self.value)
