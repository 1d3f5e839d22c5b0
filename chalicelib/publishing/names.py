"""The Chinese and English names the month page shows for the codes its data files keep.

The CSV and JSON files stay in codes (anyone recounting them joins on codes); the page is read
by residents, so every code it shows has a name in both languages here. A code published by an
older version and since retired falls back to itself rather than breaking the page.
"""

from __future__ import annotations

from collections.abc import Mapping

from chalicelib.funds.models import FundCategory
from chalicelib.publishing.mulin_index import COMPONENTS
from chalicelib.suggestions.models import CATEGORY_NAMES_ZH, Channel, SuggestionCategory
from chalicelib.voting.models import SelectionRule

Names = tuple[str, str]

# The same words as the residents' site (web/i18n "category.*"), so a resident meets one name.
_CATEGORY_EN = {
    SuggestionCategory.urban_renewal: "Urban building and renewal",
    SuggestionCategory.transport: "Transport",
    SuggestionCategory.education_childcare: "Education and childcare",
    SuggestionCategory.elderly_care: "Elderly care",
    SuggestionCategory.sanitation: "Sanitation",
    SuggestionCategory.property_management: "Property management",
    SuggestionCategory.public_safety: "Public safety",
    SuggestionCategory.culture_sports: "Culture and sports",
    SuggestionCategory.health: "Health",
    SuggestionCategory.business_employment: "Business and jobs",
    SuggestionCategory.digital_governance: "Digital government",
    SuggestionCategory.other: "Other",
}

CATALOG: Mapping[str, Mapping[str, Names]] = {
    "category": {c.value: (CATEGORY_NAMES_ZH[c], _CATEGORY_EN[c]) for c in SuggestionCategory},
    "channel": {
        Channel.web.value: ("网站", "Website"),
        Channel.mobile.value: ("手机", "Mobile"),
        Channel.hotline_12345.value: ("12345 热线", "12345 hotline"),
        Channel.paper.value: ("书面来信", "Letter"),
        Channel.meeting.value: ("会议收集", "At a meeting"),
    },
    "fund_category": {
        FundCategory.team_building.value: ("自治团队培育", "Building a residents' team"),
        FundCategory.leader_training.value: ("骨干培训", "Training team leaders"),
        FundCategory.micro_renovation.value: ("楼道/小区微改造", "Small repairs in buildings and courtyards"),
        FundCategory.elderly_service.value: ("为老服务", "Services for older residents"),
        FundCategory.old_and_young.value: ("一老一小", "Older residents and children"),
        FundCategory.greening.value: ("环境绿化", "Greening"),
        FundCategory.culture.value: ("文化活动", "Culture"),
        FundCategory.safety.value: ("平安建设", "Safety"),
        FundCategory.deliberation.value: ("议事协商", "Neighbourhood deliberation"),
        FundCategory.other.value: ("其他", "Other"),
    },
    "component": {
        "participation": ("居民参与", "Participation"),
        "reply_timeliness": ("按期答复率", "Replies on time"),
        "satisfaction": ("满意度", "Satisfaction"),
        "adoption": ("采纳率", "Adoption"),
        "fund_use": ("自治金使用率", "Fund use"),
        "turnout": ("投票率", "Turnout"),
    },
    "rule": {
        SelectionRule.greedy.value: ("按得票从多到少入选", "Most votes first"),
        SelectionRule.mes.value: ("平等份额法", "Equal shares"),
    },
}

# Every index component must be named: a new one would otherwise appear as its code.
assert set(CATALOG["component"]) == set(COMPONENTS)


def name(kind: str, code: str) -> Names:
    return CATALOG[kind].get(code, (code, code))
