from enum import StrEnum

class HeldBackItemStatus(StrEnum):
    HELD_BACK = "held_back"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
