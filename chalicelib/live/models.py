"""The live index as the API shows it, and the quarterly entries as the street gives them."""

import enum
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from chalicelib.models import RequestModel, ResponseModel


class IndexText(ResponseModel):
    zh: str
    en: str


class IndicatorKind(str, enum.Enum):
    basic = "basic"  # 基础性
    guidance = "guidance"  # 引导性


class IndicatorMethod(str, enum.Enum):
    measured = "measured"  # from the platform's live counters
    entered = "entered"  # entered quarterly by the street, with evidence


class IndexDimension(ResponseModel):
    id: str = Field(description="self_governance 自治, co_governance 共治, rule_of_law 法治, civic_virtue 德治")
    name: IndexText
    score: float | None = Field(description="the weighted mean of the dimension's indicators with a value, 0–100")


class IndexComponent(ResponseModel):
    id: str
    name: IndexText
    dimension: str
    kind: IndicatorKind
    method: IndicatorMethod
    value: float | None = Field(description="the raw value, null without data or when withheld")
    normalised: float | None = Field(description="0–100, from the published value")
    weight: float
    target: float = Field(description="the value that scores 100")
    formula: IndexText
    source: IndexText
    suppressed: bool = Field(description="withheld: it rests on fewer people than the disclosure threshold")


class IndexTrendPoint(ResponseModel):
    week: str = Field(description="ISO week, e.g. 2026-W49")
    last_day: str = Field(description="the last Shanghai day the point covers (the window's end)")
    score: float | None


class LiveIndex(ResponseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "division": "310110012001", "level": "committee", "name": "控江一村居委会", "version": "2.0",
        "as_of": "2026-12-05T03:00:00Z", "first_day": "2026-11-08", "last_day": "2026-12-05", "score": 61.4,
        "dimensions": [], "components": [], "trend": [], "minimum_people": 5}]})

    division: str
    level: Literal["committee", "street", "district", "city"]
    name: str | None
    version: str = Field(description="the formula's version (INDEX_VERSION)")
    as_of: str = Field(description="when it was computed (UTC)")
    first_day: str = Field(description="the first Shanghai day of the four-week window")
    last_day: str
    score: float | None = Field(description="0–100; null with fewer than three indicators with a value")
    dimensions: list[IndexDimension]
    components: list[IndexComponent]
    trend: list[IndexTrendPoint] = Field(description="the score at the end of each of the last 12 ISO weeks")
    minimum_people: int = Field(description="indicators resting on fewer people are withheld")


class IndexEntryValues(RequestModel):
    """What the street counted in the quarter; leave out what it did not count."""

    sg_building_activities: int | None = Field(default=None, ge=0, le=10_000, strict=True,
                                               description="楼组活动: building-group activities held in the quarter")
    rl_conventions: int | None = Field(default=None, ge=0, le=100, strict=True,
                                       description="居民公约: measured since index 2.1 (conventions carried from"
                                                   " meetings); an entry giving it is refused (422)")
    rl_legal_advice: int | None = Field(default=None, ge=0, le=10_000, strict=True,
                                        description="法律咨询: legal-advice sessions held in the quarter")
    cv_volunteers: int | None = Field(default=None, ge=0, le=10_000_000, strict=True,
                                      description="注册志愿者: registered volunteers at the quarter's end")
    cv_commendations: int | None = Field(default=None, ge=0, le=10_000, strict=True,
                                         description="好人好事: good deeds commended in the quarter")


class IndexEntryUpdate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "values": {"sg_building_activities": 14, "rl_legal_advice": 6},
        "evidence": ["uploads/photos/abc/01J00000000000000000000000.jpg"], "note": "季度台账已归档。"}]})

    values: IndexEntryValues
    evidence: list[str] = Field(min_length=1, max_length=9,
                                description="keys of photos the caller uploaded (POST /uploads/photos): minutes, sign-in sheets")
    note: str | None = Field(default=None, min_length=1, max_length=500)
    version: int | None = Field(default=None, ge=1, strict=True,
                                description="the version read, to replace an entry; none to create one (409 if stale)")

    @model_validator(mode="after")
    def _something_entered(self) -> "IndexEntryUpdate":
        if not self.values.model_dump(exclude_none=True):
            raise ValueError("enter at least one value")
        return self


class IndexEntryFigures(ResponseModel):
    """What an entry holds: the entered indicators given, the others null."""

    sg_building_activities: int | None = None
    rl_conventions: int | None = None
    rl_legal_advice: int | None = None
    cv_volunteers: int | None = None
    cv_commendations: int | None = None


class IndexEntryChange(ResponseModel):
    at: str
    action: str = Field(description="index_entry.created or index_entry.replaced")
    actor_role: str
    values: IndexEntryFigures


class IndexEntry(ResponseModel):
    division: str
    quarter: str
    values: IndexEntryFigures
    evidence: list[str] = Field(description="links to the evidence photos, valid for an hour")
    note: str | None
    entered_at: str
    entered_by_role: str
    version: int
    history: list[IndexEntryChange] = Field(description="every change, oldest first (the audit trail)")


class IndexEntryList(ResponseModel):
    division: str
    entries: list[IndexEntry] = Field(description="newest quarter first")
