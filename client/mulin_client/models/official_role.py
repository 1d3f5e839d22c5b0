from enum import StrEnum

class OfficialRole(StrEnum):
    COMMITTEE_STAFF = "committee_staff"
    DISTRICT_ADMIN = "district_admin"
    PLATFORM_ADMIN = "platform_admin"
    STREET_OFFICIAL = "street_official"

    def __str__(self) -> str:
        return str(self.value)
