"""The path's last step, read rather than written: a PB project a meeting's decision became is
`project_evaluated` once residents have evaluated it in its round.

Voting cannot write the step (deliberation imports voting, so voting importing deliberation
would be a cycle), and a step copied at evaluation time would need voting to know about topics.
So the step is derived when a topic is read, from the round's own evaluations (one Query of the
round's partition per PB project on the path, which is one project in practice). Its time is the
start of the round's evaluation window (or the project's creation, if later): the evaluations
themselves carry no time, and a resident's is not to be dated individually anyway.
"""

from __future__ import annotations

from dataclasses import replace

from chalicelib.deliberation.models import PathRecord, PathStep, TopicWhole

ROUND_PROJECT = "round_project"


def _evaluated(step: PathRecord) -> PathRecord | None:
    from chalicelib.voting import repository as rounds

    round_id, _, project_id = step.ref_id.partition("/")
    if len(round_id) != 26 or not round_id.isalnum():
        return None
    contents = rounds.get_round_contents(round_id)
    if contents.round is None or not any(e.project_id == project_id for e in contents.evaluations):
        return None
    starts = contents.round.schedule.window("evaluation")[0]
    return PathRecord(step=PathStep.project_evaluated.value, at=max(starts, step.at), ref_kind=ROUND_PROJECT,
                      ref_id=step.ref_id, actor_role="resident")


def with_evaluations(whole: TopicWhole) -> TopicWhole:
    """The topic with a derived `project_evaluated` step for each evaluated PB project on its path."""
    created = [p for p in whole.path if p.step == PathStep.project_created.value and p.ref_kind == ROUND_PROJECT]
    if not created:
        return whole
    derived = [d for d in (_evaluated(p) for p in created) if d is not None]
    return replace(whole, path=[*whole.path, *derived]) if derived else whole
