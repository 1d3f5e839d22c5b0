from enum import StrEnum

class SuggestionCategory(StrEnum):
    BUSINESS_EMPLOYMENT = "business_employment"
    CULTURE_SPORTS = "culture_sports"
    DIGITAL_GOVERNANCE = "digital_governance"
    EDUCATION_CHILDCARE = "education_childcare"
    ELDERLY_CARE = "elderly_care"
    HEALTH = "health"
    OTHER = "other"
    PROPERTY_MANAGEMENT = "property_management"
    PUBLIC_SAFETY = "public_safety"
    SANITATION = "sanitation"
    TRANSPORT = "transport"
    URBAN_RENEWAL = "urban_renewal"

    def __str__(self) -> str:
        return str(self.value)
