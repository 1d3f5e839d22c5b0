"""How a round is shown: to everyone, and to the officials who run it."""

from __future__ import annotations

from collections.abc import Callable

from chalicelib.voting.models import (
    EvaluationSummary,
    NominationView,
    Phase,
    ProgressView,
    Project,
    RoundDetail,
    RoundSummary,
    WindowView,
)
from chalicelib.voting.records import NominationRecord, ProjectRecord, RoundContents, RoundRecord, Span


def _window(span: Span) -> WindowView:
    starts, ends = span
    return WindowView(starts=starts, ends=ends)


# Turns stored photo keys into links a browser can show (uploads.service.photo_links); the
# views stay pure, so the service hands it in.
PhotoLinks = Callable[[list[str]], list[str]]


def no_links(keys: list[str]) -> list[str]:
    return []


def project_view(project: ProjectRecord, links: PhotoLinks = no_links) -> Project:
    """A project as anyone sees it: who proposed or entered it stays out."""
    # Who nominated a candidate stays out too.
    shown = project.model_dump(include=set(Project.model_fields), exclude={"nomination": {"nominated_by"}})
    if project.nomination is not None:
        shown["nomination"] = nomination_view(project.nomination)
    view = Project.model_validate(shown)
    return view.model_copy(update={"photo_urls": links(project.photos)}) if project.photos else view


def nomination_view(nomination: NominationRecord) -> NominationView:
    count = nomination.evaluation_count
    return NominationView.model_validate({
        **nomination.model_dump(exclude={"nominated_by", "evaluation_total"}),
        "evaluation_mean": round(nomination.evaluation_total / count, 2) if count else None,
    })


def summary_of(record: RoundRecord, phase: Phase) -> RoundSummary:
    return RoundSummary(id=record.id, kind=record.kind, year=record.year, scope=record.scope, title=record.title,
                        budget_fen=record.budget_fen, phase=phase, method=record.method.kind, rule=record.rule,
                        voting=_window(record.schedule.voting))


def detail_of(record: RoundRecord, contents: RoundContents, phase: Phase, official: bool,
              links: PhotoLinks = no_links) -> RoundDetail:
    scores: dict[str, list[int]] = {}
    for evaluation in contents.evaluations:
        scores.setdefault(evaluation.project_id, []).append(evaluation.score)
    return RoundDetail(
        **summary_of(record, phase).model_dump(),
        description=record.description,
        schedule={name: _window(span) for name, span in record.schedule.windows().items()},
        method_limits=record.method.limits(),
        eligibility=record.eligibility.model_dump(),
        allow_ballot_change=record.allow_ballot_change,
        status=record.status.value,
        version=record.version,
        projects=[project_view(p, links) for p in contents.projects],
        progress=[ProgressView.model_validate({**p.model_dump(), "photo_urls": links(p.photos)})
                  for p in contents.progress],
        evaluations=[EvaluationSummary(project_id=p, count=len(s), mean=round(sum(s) / len(s), 2))
                     for p, s in sorted(scores.items())],
        objections=[{"id": o.id, "at": o.at, "text": o.text, "project_id": o.project_id or ""}
                    for o in contents.objections] if official else [],
        result_published=contents.result is not None,
    )
