"""The Chinese and English names the month page shows for the codes its data files keep.

The CSV and JSON files stay in codes (anyone recounting them joins on codes); the page is read
by residents, so every code it shows has a name in both languages here. A code published by an
older version and since retired falls back to itself rather than breaking the page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from chalicelib.funds.models import FundCategory
from chalicelib.live.counters import COUNTERS
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

# The month's data files, named for the reader beside their own (code) names.
CATALOG_FILES: Mapping[str, Names] = {
    "summary.json": ("全部数据（JSON）", "All the figures (JSON)"),
    "manifest.json": ("文件清单与校验值", "List of files with checksums"),
    "suggestions.csv": ("各区划建议办理", "Suggestions by division"),
    "suggestions_by_category.csv": ("各区划按类别收到的建议", "Suggestions by category"),
    "suggestions_by_channel.csv": ("各区划按渠道收到的建议", "Suggestions by channel"),
    "adopted_suggestions.csv": ("公开的采纳建议", "Adopted suggestions published"),
    "rounds.csv": ("结束的投票", "Rounds closed"),
    "round_projects.csv": ("各投票项目得票", "Votes per project"),
    "fund_applications.csv": ("自治金申请（按状态）", "Fund applications by status"),
    "fund_amounts.csv": ("自治金批准与拨付金额", "Fund amounts approved and paid"),
    "pools.csv": ("各居委会自治金", "Each committee's fund"),
    "deliberation.csv": ("睦邻议事：议题、附议、会议与决议", "Deliberation: topics, supports, meetings, decisions"),
    "deliberation_breakdown.csv": ("会议（按类型）与决议转化（按去向）", "Meetings by kind, decisions carried by target"),
    "mulin_index.csv": ("睦邻指数及各分项", "Mulin index and its components"),
    "mulin_index_v2.csv": ("睦邻指数2.0及各项指标", "Mulin index 2.0 and its indicators"),
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
    "meeting_kind": {
        "deliberation": ("议事会", "Deliberation meeting"), "hearing": ("听证会", "Hearing"),
        "coordination": ("协调会", "Coordination meeting"), "review": ("评议会", "Review meeting"),
        "open_space": ("开放空间会议", "Open-space meeting"),
    },
    "carry_target": {
        "pb_proposal": ("微更新提案", "PB proposal"), "fund_application": ("自治金申请", "Fund application"),
        "suggestion": ("人民建议", "Suggestion"), "convention": ("居民公约", "Residents' convention"),
    },
    "component": {
        "participation": ("居民参与", "Participation"),
        "reply_timeliness": ("按期答复率", "Replies on time"),
        "satisfaction": ("满意度", "Satisfaction"),
        "adoption": ("采纳率", "Adoption"),
        "fund_use": ("自治金使用率", "Fund use"),
        "turnout": ("投票率", "Turnout"),
    },
    "file": CATALOG_FILES,
    "rule": {
        SelectionRule.greedy.value: ("按得票从多到少入选", "Most votes first"),
        SelectionRule.mes.value: ("平等份额法", "Equal shares"),
        SelectionRule.top_k.value: ("得票最多的前 k 个项目入选", "The k most approved"),
        SelectionRule.top_k.value: ("得票最多的前几项入选", "The most approved, up to the number to choose"),
    },
}

# Every index component must be named: a new one would otherwise appear as its code.
assert set(CATALOG["component"]) == set(COMPONENTS)

# The plan's four dimensions (自治、共治、法治、德治), in the order the plan lists them.
DIMENSIONS: Mapping[str, Names] = {
    "self_governance": ("自治", "Self-governance"),
    "co_governance": ("共治", "Co-governance"),
    "rule_of_law": ("法治", "Rule of law"),
    "civic_virtue": ("德治", "Civic virtue"),
}

# Where v1.1's components sit among the four, so months published before v2 read in the same
# grouping. Only the page groups by it: the frozen score and its weights are untouched. Replies
# on time are rule of law because the deadline is the statutory one; adoption and fund use are
# what residents and the street do together.
V1_DIMENSION: Mapping[str, str] = {
    "participation": "self_governance",
    "turnout": "self_governance",
    "adoption": "co_governance",
    "fund_use": "co_governance",
    "reply_timeliness": "rule_of_law",
    "satisfaction": "civic_virtue",
}
assert set(V1_DIMENSION) == set(COMPONENTS) and set(V1_DIMENSION.values()) == set(DIMENSIONS)


def name(kind: str, code: str) -> Names:
    return CATALOG[kind].get(code, (code, code))


# The live counters and the pool figure the v2 formulas are written in: the page says them in
# words, the CSV and the formula in summary.json keep the codes one recounts with.
COUNTER_NAMES: Mapping[str, Names] = {
    "suggestions_received": ("收到的建议数", "suggestions received"),
    "suggestions_accepted": ("受理的建议数", "suggestions accepted"),
    "suggestions_accepted_on_time": ("按时受理的建议数", "suggestions accepted on time"),
    "replies": ("答复数", "replies"),
    "replies_on_time": ("按期答复数", "replies on time"),
    "ratings": ("评价数", "ratings"),
    "rating_points": ("评价总分", "rating points"),
    "adoptions": ("采纳数", "suggestions adopted"),
    "topics_raised": ("提出的议题数", "topics raised"),
    "meetings_held": ("召开的会议数", "meetings held"),
    "decisions_carried": ("通过的决定数", "decisions carried"),
    "conventions_adopted": ("通过的居民公约数", "residents' conventions adopted"),
    "ballots_cast": ("投票数", "ballots cast"),
    "fund_approved_fen": ("批准的自治金", "autonomy funds approved"),
    "fund_spent_fen": ("拨付的自治金", "autonomy funds paid"),
    "residents_verified": ("核验的居民数", "residents verified"),
    "allocated_fen": ("资金池下达额", "the pool's allocation"),
}
assert set(COUNTERS) <= set(COUNTER_NAMES)
_COUNTER_CODE = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(sorted(COUNTER_NAMES, key=len, reverse=True))
                           + r")(?![A-Za-z0-9_])")


def in_words(text: str, english: bool) -> str:
    """A v2 formula or source with its counter codes said as names."""
    return _COUNTER_CODE.sub(lambda m: COUNTER_NAMES[m.group(1)][1 if english else 0], text)
