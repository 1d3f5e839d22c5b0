"""Divisions as the API shows them, and the profile an administrator may edit."""


import enum

from pydantic import Field, model_validator

from chalicelib.models import RequestModel, ResponseModel


class CommunityType(str, enum.Enum):
    """Shanghai's classified community governance (社区分类治理) groups committees by type."""

    old_neighbourhood = "old_neighbourhood"  # 老旧小区
    commercial_housing = "commercial_housing"  # 商品房小区
    mixed = "mixed"  # 混合型社区
    international = "international"  # 国际社区
    rural = "rural"  # 农村社区


class DivisionSummary(ResponseModel):
    code: str
    name: str
    level: str = Field(description="city, district, street or committee")
    kind: str = Field(description="街道, 镇, 乡, 居委会, 村委会 … as the statistics name it")
    is_administrative: bool = Field(description="False for statistical units such as 开发区 or 虚拟社区")


class Division(DivisionSummary):
    parent_code: str | None = None
    population: int | None = None
    households: int | None = None
    community_type: CommunityType | None = None
    version: int = 0


class DivisionWithChildren(Division):
    children: list[DivisionSummary]


class DivisionProfileUpdate(RequestModel):
    population: int | None = Field(default=None, ge=0, le=10_000_000, description="registered residents")
    households: int | None = Field(default=None, ge=0, le=5_000_000)
    community_type: CommunityType | None = Field(default=None, description="committees only")

    @model_validator(mode="after")
    def _something_to_change(self) -> "DivisionProfileUpdate":
        if self.population is None and self.households is None and self.community_type is None:
            raise ValueError("give at least one of population, households, community_type")
        return self
