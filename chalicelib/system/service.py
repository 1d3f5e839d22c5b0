from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.privacy import mask_phone
from chalicelib.settings import get_settings
from chalicelib.system import repository
from chalicelib.system.models import Health, Me


def check_health() -> Health:
    table = repository.table_reachable()
    bucket = repository.bucket_reachable()
    warnings = []
    if table:
        from chalicelib.workdays.service import calendar_warning

        warning = calendar_warning()
        if warning:
            warnings.append(warning)
    return Health(status="ok" if table and bucket else "degraded", stage=get_settings().stage, table=table, bucket=bucket,
                  warnings=warnings)


def describe_me(principal: Principal) -> Me:
    return Me(
        user_id=principal.user_id,
        role=principal.role.value,
        jurisdiction=principal.jurisdiction,
        residence=principal.residence,
        phone_masked=mask_phone(principal.phone) if principal.phone else None,
    )
