"""How a round is shown: to everyone, and to the officials who run it."""

from __future__ import annotations

from typing import Any

from chalicelib.voting.models import (
    EvaluationSummary,
    Phase,
    ProgressView,
    Project,
    RoundDetail,
    RoundSummary,
    WindowView,
)


def _window(pair: list[str]) -> WindowView:
    return WindowView(starts=pair[0], ends=pair[1])


def summary_of(record: dict[str, Any], phase: Phase) -> RoundSummary:
    return RoundSummary(id=record["id"], scope=record["scope"], title=record["title"], budget_fen=record["budget_fen"],
                        phase=phase, method=record["method"]["kind"], rule=record["rule"],
                        voting=_window(record["schedule"]["voting"]))


def detail_of(record: dict[str, Any], items: list[dict[str, Any]], phase: Phase, official: bool) -> RoundDetail:
    def of_kind(prefix: str) -> list[dict[str, Any]]:
        return [i for i in items if i["SK"].startswith(prefix)]

    projects = [Project.model_validate({k: v for k, v in i.items() if k in Project.model_fields})
                for i in of_kind("PROJECT#")]
    scores: dict[str, list[int]] = {}
    for evaluation in of_kind("EVALUATION#"):
        scores.setdefault(evaluation["project_id"], []).append(int(evaluation["score"]))
    method = {k: v for k, v in record["method"].items() if k != "kind"}
    return RoundDetail(
        **summary_of(record, phase).model_dump(),
        description=record["description"],
        schedule={name: _window(pair) for name, pair in record["schedule"].items()},
        method_limits=method,
        eligibility=record["eligibility"],
        allow_ballot_change=record["allow_ballot_change"],
        status=record["status"],
        version=record["version"],
        projects=projects,
        progress=[ProgressView.model_validate({k: v for k, v in i.items() if k in ProgressView.model_fields})
                  for i in of_kind("PROGRESS#")],
        evaluations=[EvaluationSummary(project_id=p, count=len(s), mean=round(sum(s) / len(s), 2))
                     for p, s in sorted(scores.items())],
        objections=[{"id": i["id"], "at": i["at"], "text": i["text"], "project_id": i.get("project_id") or ""}
                    for i in of_kind("OBJECTION#")] if official else [],
        result_published=any(i["SK"] == "RESULT" for i in items),
    )
