from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.carry_target import CarryTarget
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.carry_decision_request_application_type_0 import CarryDecisionRequestApplicationType0





T = TypeVar("T", bound="CarryDecisionRequest")



@_attrs_define
class CarryDecisionRequest:
    """ 
        Attributes:
            decision_id (str):
            target (CarryTarget): Where a decision goes, once: exactly one of these per decision.
            title (str):
            round_id (None | str | Unset): pb_proposal: the open round
            estimated_cost_fen (int | None | Unset): pb_proposal
            location (None | str | Unset):
            application (CarryDecisionRequestApplicationType0 | None | Unset): fund_application: the draft as POST
                /review/funds/applications takes it
            category (None | str | Unset): suggestion: its category
            submitter_phone (None | str | Unset): suggestion: the residents' representative who follows it
            sms_consent (bool | None | Unset): suggestion: the representative agreed to be told of decisions by SMS
                (居民同意短信通知); unset: yes
     """

    decision_id: str
    target: CarryTarget
    title: str
    round_id: None | str | Unset = UNSET
    estimated_cost_fen: int | None | Unset = UNSET
    location: None | str | Unset = UNSET
    application: CarryDecisionRequestApplicationType0 | None | Unset = UNSET
    category: None | str | Unset = UNSET
    submitter_phone: None | str | Unset = UNSET
    sms_consent: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.carry_decision_request_application_type_0 import CarryDecisionRequestApplicationType0 # noqa: PLC0415
        decision_id = self.decision_id

        target = self.target.value

        title = self.title

        round_id: None | str | Unset
        if isinstance(self.round_id, Unset):
            round_id = UNSET
        else:
            round_id = self.round_id

        estimated_cost_fen: int | None | Unset
        if isinstance(self.estimated_cost_fen, Unset):
            estimated_cost_fen = UNSET
        else:
            estimated_cost_fen = self.estimated_cost_fen

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        application: dict[str, Any] | None | Unset
        if isinstance(self.application, Unset):
            application = UNSET
        elif isinstance(self.application, CarryDecisionRequestApplicationType0):
            application = self.application.to_dict()
        else:
            application = self.application

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        submitter_phone: None | str | Unset
        if isinstance(self.submitter_phone, Unset):
            submitter_phone = UNSET
        else:
            submitter_phone = self.submitter_phone

        sms_consent: bool | None | Unset
        if isinstance(self.sms_consent, Unset):
            sms_consent = UNSET
        else:
            sms_consent = self.sms_consent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "decision_id": decision_id,
            "target": target,
            "title": title,
        })
        if round_id is not UNSET:
            field_dict["round_id"] = round_id
        if estimated_cost_fen is not UNSET:
            field_dict["estimated_cost_fen"] = estimated_cost_fen
        if location is not UNSET:
            field_dict["location"] = location
        if application is not UNSET:
            field_dict["application"] = application
        if category is not UNSET:
            field_dict["category"] = category
        if submitter_phone is not UNSET:
            field_dict["submitter_phone"] = submitter_phone
        if sms_consent is not UNSET:
            field_dict["sms_consent"] = sms_consent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.carry_decision_request_application_type_0 import CarryDecisionRequestApplicationType0 # noqa: PLC0415
        d = dict(src_dict)
        decision_id = d.pop("decision_id")

        target = CarryTarget(d.pop("target"))




        title = d.pop("title")

        def _parse_round_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        round_id = _parse_round_id(d.pop("round_id", UNSET))


        def _parse_estimated_cost_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimated_cost_fen = _parse_estimated_cost_fen(d.pop("estimated_cost_fen", UNSET))


        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        def _parse_application(data: object) -> CarryDecisionRequestApplicationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                application_type_0 = CarryDecisionRequestApplicationType0.from_dict(data)



                return application_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CarryDecisionRequestApplicationType0 | None | Unset, data)

        application = _parse_application(d.pop("application", UNSET))


        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_submitter_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitter_phone = _parse_submitter_phone(d.pop("submitter_phone", UNSET))


        def _parse_sms_consent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sms_consent = _parse_sms_consent(d.pop("sms_consent", UNSET))


        carry_decision_request = cls(
            decision_id=decision_id,
            target=target,
            title=title,
            round_id=round_id,
            estimated_cost_fen=estimated_cost_fen,
            location=location,
            application=application,
            category=category,
            submitter_phone=submitter_phone,
            sms_consent=sms_consent,
        )

        return carry_decision_request

