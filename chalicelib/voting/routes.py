"""HTTP routes of participatory budgeting."""

from __future__ import annotations

from typing import Any

from chalice.app import Response

from chalicelib import idempotency
from chalicelib.auth import Principal
from chalicelib.voting import ballots, models, nominations, service, tally_jobs, tallying, transitions
from chalicelib.voting.models import (
    BallotReceipt,
    BallotRequest,
    CodeRequest,
    CodeSheet,
    EvaluationCreate,
    MyBallot,
    NominationCreate,
    PaperBallotReport,
    PaperBallots,
    ProgressUpdate,
    Project,
    ProjectReview,
    ProposalCreate,
    RosterReceipt,
    RosterUpload,
    RoundAction,
    RoundCreate,
    RoundDetail,
    RoundListQuery,
    RoundObjectionCreate,
    RoundPage,
    RoundResult,
    TallyJob,
    TallyRequest,
)
from chalicelib.web.api import ActionOperation, ApiBlueprint, json_response
from chalicelib.web.requests import source_address

voting_api = ApiBlueprint(__name__)
TAGS = ("voting",)


@voting_api.operation("/rounds", "POST", operation_id="createRound", summary="Create a round (officials of its scope)", tags=TAGS,
                      body=RoundCreate, response=RoundDetail, status=201, errors=(404, 422))
def create(principal: Principal, body: RoundCreate) -> RoundDetail:
    return service.create_round(principal, body)


@voting_api.operation("/rounds", "GET", operation_id="listRounds",
                      summary="Rounds of a division and of the divisions above it", tags=TAGS,
                      query=RoundListQuery, response=RoundPage, authenticated=False)
def list_rounds(query: RoundListQuery) -> RoundPage:
    return service.list_rounds(query)


@voting_api.operation("/rounds/{id}", "GET", operation_id="getRound",
                      summary="A round with its projects, progress and evaluations", tags=TAGS,
                      response=RoundDetail, errors=(404,))
def get_one(id: str, principal: Principal) -> RoundDetail:  # noqa: A002
    return service.get_round(principal, id)


@voting_api.operation(
    "/rounds/{id}/ballot", "GET", operation_id="getRoundBallot",
    summary="A round as any voter sees it, without signing in (paper-code households)",
    tags=TAGS, response=RoundDetail, authenticated=False, errors=(404,),
    description="The same view a signed-in resident gets: projects, costs, limits and schedule, no objections.",
)
def ballot(id: str) -> RoundDetail:  # noqa: A002
    return service.get_round(None, id)


@voting_api.operation("/rounds/{id}/proposals", "POST", operation_id="proposeProject",
                      summary="Propose a project (eligible residents; staff)",
                      tags=TAGS, body=ProposalCreate, response=Project, status=201, errors=(404, 409, 422, 503),
                      headers=("Idempotency-Key",),
                      description="A retry with the same Idempotency-Key returns the first project; the same key "
                                  "with another body is 409.")
def propose(id: str, principal: Principal, body: ProposalCreate, idempotency_key: str | None) -> Project:  # noqa: A002
    idempotency.register_lambda_context(voting_api.current_app.lambda_context)
    return service.propose_project(principal, id, body, idempotency_key)


@voting_api.operation(
    "/rounds/{id}/nominations", "POST", operation_id="nominateProject",
    summary="Nominate a completed project of the committee to a selection (committee staff inside its scope)",
    tags=TAGS, body=NominationCreate, response=Project, status=201, errors=(404, 409, 422),
    headers=("Idempotency-Key",),
    description="Names an accepted autonomy-fund application or a project selected in a closed participatory-budgeting"
                " round of the committee, of the selection's year, during its proposals window; the candidate's title,"
                " evaluation, photos and spending are copied from those records. A source is nominated once (409); a"
                " retry with the same Idempotency-Key returns the first candidate.",
)
def nominate(id: str, principal: Principal, body: NominationCreate, idempotency_key: str | None) -> Project:  # noqa: A002
    return nominations.nominate(principal, id, body, idempotency_key)


@voting_api.operation("/rounds/{id}/projects/{project_id}/review", "POST", operation_id="reviewProposal",
                      summary="Feasibility review: feasible with a final cost, or infeasible with a reason", tags=TAGS,
                      body=ProjectReview, response=Project, errors=(404, 409, 422))
def review(id: str, project_id: str, principal: Principal, body: ProjectReview) -> Project:  # noqa: A002
    return service.review_project(principal, id, project_id, body)


@voting_api.operation("/rounds/{id}/roster", "POST", operation_id="addToRoster",
                      summary="Add phone numbers to the roster (kept only as keyed hashes)",
                      tags=TAGS, body=RosterUpload, response=RosterReceipt, errors=(404, 422))
def roster(id: str, principal: Principal, body: RosterUpload) -> RosterReceipt:  # noqa: A002
    return service.add_to_roster(principal, id, body)


@voting_api.operation("/rounds/{id}/codes", "POST", operation_id="issuePaperCodes",
                      summary="Print single-use paper voting codes (shown once)",
                      tags=TAGS, body=CodeRequest, response=CodeSheet, status=201, errors=(404, 422))
def codes(id: str, principal: Principal, body: CodeRequest) -> CodeSheet:  # noqa: A002
    return service.generate_codes(principal, id, body)


@voting_api.operation("/rounds/{id}/ballots", "POST", operation_id="castBallot",
                      summary="Cast a ballot (eligible residents; staff entering a household's paper code)", tags=TAGS,
                      body=BallotRequest, response=BallotReceipt, status=201, errors=(404, 409, 422, 429))
def cast(id: str, principal: Principal, body: BallotRequest) -> BallotReceipt:  # noqa: A002
    return ballots.cast_ballot(principal, id, body)


@voting_api.operation(
    "/rounds/{id}/my-ballot", "GET", operation_id="getMyBallot",
    summary="Your own ballot: whether, when and how you voted (residents)", tags=TAGS,
    response=MyBallot, errors=(403, 404),
    description="Shown to its voter alone. Once the result is published, also the ballot's id in the public "
                "ballots file. Ballots cast with a paper code are found by no one.",
)
def my_ballot(id: str, principal: Principal) -> MyBallot:  # noqa: A002
    return ballots.my_ballot(principal, id)


@voting_api.operation("/rounds/{id}/code-ballots", "POST", operation_id="castCodeBallot",
                      summary="Cast a ballot with a paper voting code, without signing in", tags=TAGS,
                      body=BallotRequest, response=BallotReceipt, status=201, authenticated=False,
                      errors=(404, 409, 422, 429))
def cast_with_code(id: str, body: BallotRequest) -> BallotReceipt:  # noqa: A002
    return ballots.cast_ballot(None, id, body, source_address(voting_api.current_request))


@voting_api.operation("/rounds/{id}/paper-ballots", "POST", operation_id="enterPaperBallots",
                      summary="Enter paper or booth ballots in bulk (staff of the scope), each on its paper code",
                      tags=TAGS, body=PaperBallots, response=PaperBallotReport, errors=(404, 422))
def paper(id: str, principal: Principal, body: PaperBallots) -> PaperBallotReport:  # noqa: A002
    return ballots.enter_paper_ballots(principal, id, body)


@voting_api.operation(
    "/rounds/{id}/tally", "POST", operation_id="requestTally",
    summary="Ask for the ballots to be counted once voting has closed (officials of its scope)",
    tags=TAGS, body=TallyRequest, response=TallyJob, status=202, errors=(404, 409, 422),
    description="Records the count as a job and answers at once, with the job and a Location header to its status;"
                " the tallies queue's function counts the ballots and writes the result. Asking again while the job"
                " is queued or counting answers with that job; once it is done the round is tallied and a second"
                " tally is refused (422); after it failed, asking again starts a new job.",
)
def tally(id: str, principal: Principal, body: TallyRequest) -> Response:  # noqa: A002
    job = TallyJob.model_validate(tally_jobs.request(principal, id, body))
    return json_response(job, 202, {"Location": job.links.status})


@voting_api.operation("/rounds/{id}/tally", "GET", operation_id="getTallyJob",
                      summary="Where the round's count stands: queued, counting, done, or failed with the reason",
                      tags=TAGS, response=TallyJob, errors=(404,))
def tally_status(id: str, principal: Principal) -> TallyJob:  # noqa: A002
    return TallyJob.model_validate(tally_jobs.status(principal, id))


@voting_api.operation("/rounds/{id}/results", "GET", operation_id="getRoundResults",
                      summary="The published result, every project with why",
                      tags=TAGS, response=RoundResult, authenticated=False, errors=(404,))
def results(id: str) -> RoundResult:  # noqa: A002
    return tallying.get_result(id)


@voting_api.operation("/rounds/{id}/objections", "POST", operation_id="objectToRoundResult",
                      summary="Object to the result during its public notice",
                      tags=TAGS, body=RoundObjectionCreate, response=None, status=201, errors=(404, 422))
def objection(id: str, principal: Principal, body: RoundObjectionCreate) -> dict[str, Any]:  # noqa: A002
    return service.object_to_result(principal, id, body)


@voting_api.operation("/rounds/{id}/progress", "POST", operation_id="reportProjectProgress",
                      summary="Report a selected project's progress", tags=TAGS,
                      body=ProgressUpdate, response=RoundDetail, status=201, errors=(404, 422))
def progress(id: str, principal: Principal, body: ProgressUpdate) -> RoundDetail:  # noqa: A002
    return service.report_progress(principal, id, body)


@voting_api.operation("/rounds/{id}/evaluations", "POST", operation_id="evaluateProject",
                      summary="Rate a finished project (eligible residents)",
                      tags=TAGS, body=EvaluationCreate, response=None, status=201, errors=(404, 409, 422))
def evaluate(id: str, principal: Principal, body: EvaluationCreate) -> dict[str, Any]:  # noqa: A002
    return service.evaluate_project(principal, id, body)


@voting_api.operation("/rounds/{id}/{action}", "POST", operation_id="actOnRound",
                      summary="close (after the evaluation) or cancel a round",
                      tags=TAGS, body=RoundAction, response=RoundDetail, errors=(404, 409, 422), deprecated=True,
                      description="Kept for existing clients: closeRound and cancelRound state what each requires.")
def act(id: str, action: str, principal: Principal, body: RoundAction) -> RoundDetail:  # noqa: A002
    return transitions.act_on_round(principal, id, action, body)


voting_api.action_operations(
    "/rounds/{id}",
    (
        ActionOperation("close", "closeRound", models.CloseRoundRequest, "Close a round after its evaluation period"),
        ActionOperation("cancel", "cancelRound", models.CancelRoundRequest, "Cancel a round before its tally, with the reason"),
    ),
    general=RoundAction, act=transitions.act_on_round, tags=TAGS, response=RoundDetail, errors=(404, 409, 422),
)
