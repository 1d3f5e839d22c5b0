from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fund_category import FundCategory
from ..models.fund_channel import FundChannel
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.line_item import LineItem
  from ..models.team import Team





T = TypeVar("T", bound="PaperApplicationEntry")



@_attrs_define
class PaperApplicationEntry:
    """ A team's application that committee staff type in from its paper form.

        Attributes:
            committee (str):
            year (int):
            team (Team):
            title (str):
            category (FundCategory): What autonomy funds pay for, as Shanghai streets list it in their 自治金 rules.
            purpose (str):
            beneficiaries (int): expected number of residents served
            starts_on (datetime.date):
            ends_on (datetime.date):
            lines (list[LineItem]):
            requested_fen (int): must equal the sum of the lines
            beneficiary_description (None | str | Unset):
            channel (FundChannel | Unset): How an application reached the committee: a lead online, or staff typing in a
                form.
            lead_phone (None | str | Unset): the lead's mobile, +86…, if the form gives it: their inbox hears of each step
            scans (list[str] | Unset): the scanned form: keys returned by POST /uploads/photos
            sms_consent (bool | Unset): the lead agreed to be told of decisions by SMS at lead_phone (居民同意短信通知) while no
                account holds the number Default: True.
     """

    committee: str
    year: int
    team: Team
    title: str
    category: FundCategory
    purpose: str
    beneficiaries: int
    starts_on: datetime.date
    ends_on: datetime.date
    lines: list[LineItem]
    requested_fen: int
    beneficiary_description: None | str | Unset = UNSET
    channel: FundChannel | Unset = UNSET
    lead_phone: None | str | Unset = UNSET
    scans: list[str] | Unset = UNSET
    sms_consent: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        from ..models.line_item import LineItem # noqa: PLC0415
        from ..models.team import Team # noqa: PLC0415
        committee = self.committee

        year = self.year

        team = self.team.to_dict()

        title = self.title

        category = self.category.value

        purpose = self.purpose

        beneficiaries = self.beneficiaries

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        requested_fen = self.requested_fen

        beneficiary_description: None | str | Unset
        if isinstance(self.beneficiary_description, Unset):
            beneficiary_description = UNSET
        else:
            beneficiary_description = self.beneficiary_description

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value


        lead_phone: None | str | Unset
        if isinstance(self.lead_phone, Unset):
            lead_phone = UNSET
        else:
            lead_phone = self.lead_phone

        scans: list[str] | Unset = UNSET
        if not isinstance(self.scans, Unset):
            scans = self.scans



        sms_consent = self.sms_consent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "committee": committee,
            "year": year,
            "team": team,
            "title": title,
            "category": category,
            "purpose": purpose,
            "beneficiaries": beneficiaries,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "lines": lines,
            "requested_fen": requested_fen,
        })
        if beneficiary_description is not UNSET:
            field_dict["beneficiary_description"] = beneficiary_description
        if channel is not UNSET:
            field_dict["channel"] = channel
        if lead_phone is not UNSET:
            field_dict["lead_phone"] = lead_phone
        if scans is not UNSET:
            field_dict["scans"] = scans
        if sms_consent is not UNSET:
            field_dict["sms_consent"] = sms_consent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_item import LineItem # noqa: PLC0415
        from ..models.team import Team # noqa: PLC0415
        d = dict(src_dict)
        committee = d.pop("committee")

        year = d.pop("year")

        team = Team.from_dict(d.pop("team"))




        title = d.pop("title")

        category = FundCategory(d.pop("category"))




        purpose = d.pop("purpose")

        beneficiaries = d.pop("beneficiaries")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))




        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = LineItem.from_dict(lines_item_data)



            lines.append(lines_item)


        requested_fen = d.pop("requested_fen")

        def _parse_beneficiary_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        beneficiary_description = _parse_beneficiary_description(d.pop("beneficiary_description", UNSET))


        _channel = d.pop("channel", UNSET)
        channel: FundChannel | Unset
        if isinstance(_channel,  Unset):
            channel = UNSET
        else:
            channel = FundChannel(_channel)




        def _parse_lead_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lead_phone = _parse_lead_phone(d.pop("lead_phone", UNSET))


        scans = cast(list[str], d.pop("scans", UNSET))


        sms_consent = d.pop("sms_consent", UNSET)

        paper_application_entry = cls(
            committee=committee,
            year=year,
            team=team,
            title=title,
            category=category,
            purpose=purpose,
            beneficiaries=beneficiaries,
            starts_on=starts_on,
            ends_on=ends_on,
            lines=lines,
            requested_fen=requested_fen,
            beneficiary_description=beneficiary_description,
            channel=channel,
            lead_phone=lead_phone,
            scans=scans,
            sms_consent=sms_consent,
        )

        return paper_application_entry

