"""mulin queue topics, mulin topic …, mulin meeting …, mulin round nominate (睦邻议事厅, 十佳评选).

Topic and meeting actions are built from tables like the fund's; the request body is made with
the generated model's from_dict, so nested fields (a fund draft) and enums pass as the API takes
them. Meeting actions whose model has a version are sent conditional on the meeting read first.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import typer

from mulin.cli.actions import Action, Opt, build, model, operation, reason
from mulin.cli.output import plain, shanghai
from mulin.cli.rounds import round_app
from mulin.cli.state import State, handled, state_of

topic_app = typer.Typer(no_args_is_help=True, help="One topic (议题): show it, schedule a meeting, answer, moderate.")
meeting_app = typer.Typer(no_args_is_help=True, help="Meetings (议事会, 听证会, 协调会, 评议会, 开放空间): create and record.")
KINDS = "deliberation, hearing, coordination, review or open_space"


def _json_file(path: str) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _text_list(values: list[str] | None) -> list[str] | None:
    return list(values) if values else None


TOPIC_ACTIONS = (
    Action("answer", "answer_topic", "AnswerTopicRequest",
           "Answer why no meeting will be held; the topic closes (committee).",
           (Opt("text", "--text", "The answer residents read.", True),)),
    Action("hide", "hide_topic_post", "HidePostRequest", "Hide the topic or one comment, with the reason shown in place.",
           (Opt("comment_id", "--comment", "A comment's id; the topic itself if absent."), reason(True))),
    Action("restore", "restore_topic_post", "RestorePostRequest",
           "Show a hidden post again, or dismiss its reports (an appealed post: the street).",
           (Opt("comment_id", "--comment", "A comment's id; the topic itself if absent."), reason(False))),
    Action("reject_appeal", "reject_topic_appeal", "RejectAppealRequest",
           "Keep a post hidden against its author's appeal (the street).",
           (Opt("comment_id", "--comment", "A comment's id; the topic itself if absent."), reason(True))),
)

MEETING_ACTIONS = (
    Action("attend", "record_meeting_attendance", "RecordAttendanceRequest",
           "Record who came; the meeting is then held.",
           (Opt("count", "--count", "People in the room, registered or not.", True, int),
            Opt("present", "--present", "A registration present (repeat the option).", False, list[str], _text_list))),
    Action("minutes", "record_meeting_minutes", "RecordMinutesRequest", "Record the minutes.",
           (Opt("text", "--text", "The minutes.", True),
            Opt("photos", "--photo", "An uploaded photo's key (repeat the option).", False, list[str], _text_list))),
    Action("decide", "record_meeting_decision", "RecordDecisionRequest", "Record a decision (决议) with the room's vote.",
           (Opt("text", "--text", "The decision.", True),
            Opt("votes_for", "--for", "Votes for.", True, int),
            Opt("votes_against", "--against", "Votes against.", True, int),
            Opt("votes_abstain", "--abstain", "Abstentions.", True, int))),
    Action("carry", "carry_meeting_decision", "CarryDecisionRequest",
           "Carry a passed decision, once, into a PB proposal, a team's fund draft, a suggestion or a convention.",
           (Opt("decision_id", "--decision", "The decision's id.", True),
            Opt("target", "--target", "pb_proposal, fund_application, suggestion or convention.", True),
            Opt("title", "--title", "The title of what is made.", True),
            Opt("round_id", "--round", "pb_proposal: the open round."),
            Opt("estimated_cost_fen", "--cost-fen", "pb_proposal: the estimated cost in fen.", False, int),
            Opt("location", "--location", "Where."),
            Opt("application", "--application", "fund_application: a JSON file with the draft (team, budget …).",
                False, str, _json_file),
            Opt("category", "--category", "suggestion: its category."),
            Opt("submitter_phone", "--phone", "suggestion: the residents' representative (+86…)."))),
    Action("cancel", "cancel_meeting", "CancelMeetingRequest", "Cancel a scheduled meeting, with the reason.",
           (reason(True),)),
)


def _body(name: str, fields: dict[str, Any]) -> Any:
    try:
        return model(name).from_dict(fields)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def run_topic(state: State, action: Action, id: str, fields: dict[str, Any]) -> Any:  # noqa: A002
    return state.api.call(operation("review", action.module), id=id, body=_body(action.body, fields))


def run_meeting(state: State, action: Action, id: str, fields: dict[str, Any]) -> Any:  # noqa: A002
    import attrs
    from mulin_client.api.meetings import get_meeting

    module = operation("meetings", action.module)
    if "version" in attrs.fields_dict(model(action.body)):
        # Attendance, minutes and cancelling apply to the meeting as read, never to a later state.
        return state.api.act(get_meeting, module, id, lambda **sent: _body(action.body, sent), **fields)
    return state.api.call(module, id=id, body=_body(action.body, fields))


def queue_topics(
    ctx: typer.Context,
    overdue: bool = typer.Option(False, "--overdue", help="Only topics past their deadline to schedule or answer."),
    kind: str = typer.Option(None, "--kind", help="schedule, report or appeal (filtered here, in the client)."),
    division: str = typer.Option(None, "--division", help="A committee or street inside your jurisdiction."),
) -> None:
    """Topics owed a meeting or an answer, reported posts and appeals, every page (GET /review/topics)."""
    from mulin_client.api.review import list_topic_queue

    state = state_of(ctx)
    query: dict[str, Any] = {"limit": 100}
    if division:
        query["division"] = division
    rows = [plain(item) for item in state.api.pages(list_topic_queue, **query)]
    rows = [row for row in rows if (not overdue or row.get("overdue")) and (not kind or row.get("kind") == kind)]
    state.output.records(rows, [("kind", state.t("kind"), None), ("topic_id", state.t("id"), None),
                                ("division", state.t("division"), None), ("title", state.t("title"), None),
                                ("supports", state.t("supports"), None), ("due_at", state.t("due"), shanghai),
                                ("overdue", state.t("overdue_col"), lambda flag: state.t("overdue") if flag else ""),
                                ("reason", state.t("reason"), None)])


def show_topic(ctx: typer.Context, id: str = typer.Argument(..., help="The topic's id.")) -> None:  # noqa: A002
    """A topic with its path (raised → … → evaluation) and comments (GET /topics/{id})."""
    from mulin_client.api.deliberation import get_topic

    state = state_of(ctx)
    detail: dict[str, Any] = plain(state.api.call(get_topic, id=id))
    output = state.output
    if output.format == "json":
        output.json(detail)
        return
    path_columns = [("at", state.t("at"), shanghai), ("step", state.t("step"), None),
                    ("ref_kind", state.t("ref_kind"), None), ("ref_id", state.t("ref_id"), None)]
    if output.format == "csv":
        output.records(detail.get("path") or [], [(key, key, None) for key, _, _ in path_columns])
        return
    hidden = detail.get("hidden") or {}
    output.record({**detail, "due_at": shanghai(detail.get("due_at")), "hidden": hidden.get("reason")},
                  [("id", state.t("id")), ("division", state.t("division")), ("title", state.t("title")),
                   ("status", state.t("status")), ("supports", state.t("supports")), ("threshold", state.t("threshold")),
                   ("due_at", state.t("due")), ("hidden", state.t("hidden")), ("meeting_ids", state.t("meetings")),
                   ("allowed_actions", state.t("allowed")), ("answer", state.t("answer"))])
    output.records(detail.get("path") or [], path_columns, title=state.t("path"))
    comments = [{**c, "text": c.get("text") if not c.get("hidden")
                 else state.t("hidden_text", reason=c["hidden"].get("reason"))}
                for c in detail.get("comments") or []]
    output.records(comments, [("created_at", state.t("at"), shanghai), ("id", state.t("id"), None),
                              ("parent_id", state.t("reply_to"), None), ("text", state.t("message"), None)],
                   title=state.t("comments"))


def _when(value: str, flag: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter("a time such as 2026-12-10T19:00 (Shanghai unless an offset is given)",
                                 param_hint=flag) from None


def _create_meeting(state: State, fields: dict[str, Any]) -> None:
    from mulin_client.api.meetings import schedule_meeting

    fields = {**fields, "starts_at": _when(fields["starts_at"], "--starts").isoformat(),
              "ends_at": _when(fields["ends_at"], "--ends").isoformat()}
    created = plain(state.api.call(schedule_meeting, body=_body("MeetingCreate", fields)))
    _print_meeting(state, created)


STARTS = typer.Option(..., "--starts", metavar="2026-12-10T19:00", help="When it starts (Shanghai time).")
ENDS = typer.Option(..., "--ends", metavar="2026-12-10T21:00", help="When it ends (Shanghai time).")
PLACE = typer.Option(..., "--place", help="Where.")
KIND = typer.Option("deliberation", "--kind", help=KINDS + ".")
CAPACITY = typer.Option(None, "--capacity", min=1, help="Seats for registered residents (none: no limit).")
ALSO = typer.Option(None, "--also", help="Another topic it deliberates (repeat).")
TOPICS = typer.Option(..., "--topic", help="A topic it deliberates (repeat, up to 10).")


def schedule_topic(ctx: typer.Context, id: str = typer.Argument(..., help="The topic's id."),  # noqa: A002
                   starts: str = STARTS, ends: str = ENDS, place: str = PLACE, kind: str = KIND,
                   title: str = typer.Option(None, "--title", help="The meeting's title (default: the topic's)."),
                   agenda: str = typer.Option(None, "--agenda", help="The agenda (default: the topic's title)."),
                   also: list[str] = ALSO,
                   capacity: int = CAPACITY) -> None:
    """Schedule a meeting for a queued topic (POST /meetings): it leaves the queue; its path shows the meeting."""
    from mulin_client.api.deliberation import get_topic

    state = state_of(ctx)
    topic = plain(state.api.call(get_topic, id=id))
    name = topic.get("title") or id
    _create_meeting(state, {"kind": kind, "division": topic["division"], "title": title or name,
                            "topic_ids": [id, *(also or [])], "starts_at": starts, "ends_at": ends, "place": place,
                            "agenda": agenda or name, **({"capacity": capacity} if capacity else {})})


def create_meeting(ctx: typer.Context,
                   division: str = typer.Option(..., "--division", help="The committee (or street) holding it."),
                   topic: list[str] = TOPICS,
                   title: str = typer.Option(..., "--title", help="The meeting's title."),
                   agenda: str = typer.Option(..., "--agenda", help="The agenda."),
                   starts: str = STARTS, ends: str = ENDS, place: str = PLACE, kind: str = KIND,
                   capacity: int = CAPACITY) -> None:
    """Schedule a meeting for topics of your jurisdiction (POST /meetings)."""
    _create_meeting(state_of(ctx), {"kind": kind, "division": division, "title": title, "topic_ids": list(topic),
                                    "starts_at": starts, "ends_at": ends, "place": place, "agenda": agenda,
                                    **({"capacity": capacity} if capacity else {})})


def _print_meeting(state: State, detail: dict[str, Any]) -> None:
    output = state.output
    if output.format == "json":
        output.json(detail)
        return
    decision_columns = [("id", state.t("id"), None), ("text", state.t("decision"), None),
                        ("votes_for", state.t("votes_for"), None), ("votes_against", state.t("votes_against"), None),
                        ("votes_abstain", state.t("votes_abstain"), None), ("passed", state.t("passed"), None),
                        ("carried", state.t("carried_to"), None)]
    decisions = [{**d, "carried": (d.get("carried_to") or {}).get("target", "")} for d in detail.get("decisions") or []]
    if output.format == "csv":
        output.records(decisions, [(key, key, None) for key, _, _ in decision_columns])
        return
    output.record({**detail, "starts_at": shanghai(detail.get("starts_at")), "ends_at": shanghai(detail.get("ends_at"))},
                  [("id", state.t("id")), ("kind", state.t("kind")), ("division", state.t("division")),
                   ("title", state.t("title")), ("status", state.t("status")), ("starts_at", state.t("starts")),
                   ("ends_at", state.t("ends")), ("place", state.t("place")), ("topic_ids", state.t("topics")),
                   ("registered", state.t("registered")), ("attendance", state.t("attendance")),
                   ("allowed_actions", state.t("allowed")), ("version", "version")])
    if decisions:
        output.records(decisions, decision_columns, title=state.t("decisions"))


def show_meeting(ctx: typer.Context, id: str = typer.Argument(..., help="The meeting's id.")) -> None:  # noqa: A002
    """A meeting with its decisions (GET /meetings/{id}); CSV gives the decisions."""
    from mulin_client.api.meetings import get_meeting

    state = state_of(ctx)
    _print_meeting(state, plain(state.api.call(get_meeting, id=id)))


def nominate(ctx: typer.Context, id: str = typer.Argument(..., help="The selection round's id."),  # noqa: A002
             application: str = typer.Option(None, "--application", help="A completed fund application's id."),
             project: str = typer.Option(None, "--project", metavar="ROUND/PROJECT",
                                         help="An implemented PB project, as its round's id / its id.")) -> None:
    """Nominate one of your committee's completed projects to a selection (十佳, POST /rounds/{id}/nominations)."""
    from mulin_client.api.voting import nominate_project

    if bool(application) == bool(project):
        raise typer.BadParameter("give --application or --project, one of them")
    if project:
        round_id, _, project_id = project.partition("/")
        if not round_id or not project_id:
            raise typer.BadParameter("ROUND/PROJECT", param_hint="--project")
        body = {"source": "round_project", "round": round_id, "project": project_id}
    else:
        body = {"source": "fund_application", "id": application}
    state = state_of(ctx)
    made = plain(state.api.call(nominate_project, id=id, body=_body("NominationCreate", body)))
    state.output.record(made, [("id", state.t("id")), ("title", state.t("project")), ("status", state.t("status"))]
                        if state.output.format == "table" else None)


def register(app: typer.Typer, queue_app: typer.Typer) -> None:
    queue_app.command("topics")(handled(queue_topics))
    topic_app.command("show")(handled(show_topic))
    topic_app.command("schedule")(handled(schedule_topic))
    build(topic_app, "review", TOPIC_ACTIONS, run_topic, "The topic's id.")
    meeting_app.command("create")(handled(create_meeting))
    meeting_app.command("show")(handled(show_meeting))
    build(meeting_app, "meetings", MEETING_ACTIONS, run_meeting, "The meeting's id.")
    round_app.command("nominate")(handled(nominate))
    app.add_typer(topic_app, name="topic")
    app.add_typer(meeting_app, name="meeting")
