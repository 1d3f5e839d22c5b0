"""Pure rules of residence verification: which action a request takes in which status, what
each action needs, how the staff queue is keyed, what the resident is told.

```
pending ─approve→ approved ─revoke→ revoked
   └─decline→ declined   └─(a later request approved: moving house)→ ended
```
"""

from __future__ import annotations

# (status, action) -> the status it leads to. `ended` is reached only by approving a later request.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("pending", "approve"): "approved",
    ("pending", "decline"): "declined",
    ("approved", "revoke"): "revoked",
}
# The resident reads why they were turned down or lost their verified residence.
REASON_REQUIRED = frozenset({"decline", "revoke"})
ROSTER_REASON = "roster"


def next_status(status: str, action: str) -> str | None:
    return TRANSITIONS.get((status, action))


def allowed_actions(status: str) -> list[str]:
    return [action for (start, action) in TRANSITIONS if start == status]


def district_of(committee: str) -> str:
    return committee[:6]


def queue_sort_key(committee: str, requested_at: str, request_id: str) -> str:
    """Committee first, so a street or a committee is a begins_with on the district's partition."""
    return f"{committee}#{requested_at}#{request_id}"


def queue_prefix(scope: str) -> str | None:
    """The sort-key prefix selecting `scope` inside its district's partition (None: the whole district).

    A committee's code is closed with the separator, so that no other code that merely starts
    with it could match; a street's code is the first nine digits of its committees'.
    """
    if len(scope) == 12:
        return f"{scope}#"
    if len(scope) == 9:
        return scope
    return None


# What the resident is told at each step, in Chinese and English ({name}: the committee).
NOTICES: dict[str, tuple[str, str]] = {
    "request": ("您的居住核验申请已提交至{name}，核实后将通知您。",
                "Your residence verification request has been sent to {name}; you will be told once it is checked."),
    "approve": ("{name}已核验您的居住地址。请重新登录，即可参与本社区的投票和自治金申请。",
                "{name} has verified where you live. Sign in again to vote and apply for funds in your neighbourhood."),
    "decline": ("{name}未通过您的居住核验申请，原因见详情。",
                "{name} could not verify your residence; see the reason in the request."),
    "revoke": ("{name}已撤销您的居住核验，原因见详情。",
               "{name} has revoked your verified residence; see the reason in the request."),
    "end": ("您在{name}的居住核验已因搬迁结束。", "Your verified residence in {name} has ended with your move."),
}


def notice(request_id: str, committee_name: str, event: str, status: str) -> dict[str, str]:
    zh, en = NOTICES[event]
    return {"subject_type": "residence", "subject_id": request_id, "event": event, "status": status,
            "text": zh.format(name=committee_name), "text_en": en.format(name=committee_name)}
