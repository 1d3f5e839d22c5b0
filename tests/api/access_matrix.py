"""Who may call each route of the API, and a request each caller can really make.

EXPECTED is the access policy written out: one row per route (per action, for a route that
takes one, or per way of using it), one column per caller, the status each caller gets.
RECIPES say how to call a route so that only the caller can make the call fail: a valid
body, an existing resource of 控一居委会 (控江路街道, 杨浦区) and a clock inside the phase
where the resource takes the call. A refusal is then the access decision, and an allowed
call really succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chalicelib.funds.models import Action as FundAction
from tests.api.fund_helpers import application
from tests.api.held_back_helpers import PLANTED_ID, PLANTED_MONTH, release_body
from tests.api.helpers import get
from tests.api.residence_helpers import request_body, withdraw_pending
from tests.api.session_helpers import refresh_token_body
from tests.api.staff_helpers import new_phone
from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE, YANJI_STREET, suggestion
from tests.api.test_fund_access import team_name, valid_body
from tests.api.test_personal_data import upload_photo
from tests.api.test_round_lifecycle import SCHEDULE as LIFECYCLE_SCHEDULE
from tests.api.test_suggestion_access import staff_entry

# Columns of EXPECTED. "own" officials hold the jurisdiction of 控一居委会's resources and
# "foreign" ones another: a committee of the same street, a street of the same district,
# another district. The own resident lives in 控一 (verified) and owns the resident-side
# resources; the foreign one owns nothing and has no verified residence. The platform's
# jurisdiction is the whole city, so it has no foreign column.
IDENTITIES = {
    "anonymous": None,
    "resident/own": "kongjiang_resident",
    "resident/foreign": "other_resident",
    "committee_staff/own": "committee_staff",
    "committee_staff/foreign": "other_committee_staff",
    "street_official/own": "street_official",
    "street_official/foreign": "neighbour_street_official",
    "district_admin/own": "district_admin",
    "district_admin/foreign": "foreign_district_admin",
    "platform_admin": "platform_admin",
}

RouteKey = tuple[str, str, str]  # method, path as the app declares it, and the action or way of calling it

# fmt: off
EXPECTED: dict[RouteKey, tuple[int, ...]] = {
    #                                                            anon resident  committee street    district  platform
    #                                                                 own  for  own  for  own  for  own  for
    ("GET", "/health", ""):                                     (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/openapi.json", ""):                               (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/me", ""):                                         (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/divisions/{code}", ""):                           (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("PUT", "/divisions/{code}/profile", ""):                   (401, 403, 403, 403, 403, 403, 403, 200, 404, 200),
    ("GET", "/workdays/{year}", ""):                            (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("PUT", "/workdays/{year}", ""):                            (401, 403, 403, 403, 403, 403, 403, 403, 403, 200),
    ("POST", "/publications/{month}", ""):                      (401, 403, 403, 403, 403, 403, 403, 403, 403, 202),
    ("GET", "/publications/{month}", ""):                       (401, 403, 403, 403, 403, 403, 403, 403, 403, 200),
    ("GET", "/review/held-back", ""):                           (401, 403, 403, 403, 403, 403, 403, 403, 403, 200),
    ("POST", "/review/held-back/{id}/release", ""):             (401, 403, 403, 403, 403, 403, 403, 403, 403, 200),
    ("GET", "/index/{division}", ""):                           (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("PUT", "/review/index-entries/{division}/{quarter}", ""):  (401, 403, 403, 403, 403, 200, 404, 403, 403, 403),
    ("GET", "/review/index-entries/{division}", ""):            (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/uploads/photos", ""):                            (401, 201, 201, 201, 201, 201, 201, 201, 201, 201),
    ("POST", "/uploads/receipts", ""):                          (401, 201, 201, 403, 403, 403, 403, 403, 403, 403),
    ("GET", "/notifications/mine", ""):                         (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/notifications/read", ""):                         (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("POST", "/notifications/read", ""):                        (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/me/digest", ""):                                  (401, 403, 403, 200, 200, 200, 200, 200, 200, 200),
    ("PUT", "/me/digest", ""):                                  (401, 403, 403, 200, 200, 200, 200, 200, 200, 200),
    # A resident's own texts; officials' channel is their digest.
    ("GET", "/me/texts", ""):                                   (401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
    ("PUT", "/me/texts", ""):                                   (401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
    # Residents write for themselves anywhere; staff enter a resident's suggestion for their own area.
    ("POST", "/suggestions", ""):                               (401, 201, 201, 201, 404, 201, 404, 403, 403, 403),
    ("GET", "/suggestions/mine", ""):                           (401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
    ("GET", "/suggestions/{id}", ""):                           (401, 200, 404, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/suggestions/{id}/rating", ""):                   (401, 201, 404, 403, 403, 403, 403, 403, 403, 403),
    ("GET", "/review/suggestions", ""):                         (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    # The street decides; the role is checked before the case is looked up.
    ("POST", "/review/suggestions/{id}/{action}", "accept"):    (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/{action}", "reply"):     (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    # One operation per action (the {action} route above is their deprecated alias).
    ("POST", "/review/suggestions/{id}/accept", ""):            (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/decline", ""):           (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/assign", ""):            (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/transfer", ""):          (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/return", ""):            (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/merge", ""):             (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/reply", ""):             (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/extend", ""):            (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/close", ""):             (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/review/suggestions/{id}/reopen", ""):            (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    # A committee's money is for its residents to see (403 to others) and its officials (404 elsewhere).
    ("POST", "/funds/pools/{division}/{year}", ""):             (401, 403, 403, 403, 403, 201, 404, 201, 404, 201),
    ("GET", "/funds/pools/{division}/{year}", ""):              (401, 200, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/pools/{division}/{year}/top-up", ""):      (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("GET", "/funds/pools/{division}/{year}/ledger", ""):       (401, 200, 403, 200, 404, 200, 404, 200, 404, 200),
    ("GET", "/funds/pools/{division}/{year}/applications", ""): (401, 200, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications", ""):                        (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    ("GET", "/funds/applications/mine", ""):                    (401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
    ("GET", "/funds/applications/{id}", ""):                    (401, 200, 404, 200, 404, 200, 404, 200, 404, 200),
    # Only the team's lead edits its text: to anyone else the draft is not there to edit.
    ("PUT", "/funds/applications/{id}", ""):                    (401, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    ("POST", "/funds/applications/{id}/objections", ""):        (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    # An application outside one's jurisdiction (or another team's) is not found before the role is asked.
    ("POST", "/funds/applications/{id}/{action}", "submit"):    (401, 200, 404, 403, 404, 403, 404, 403, 404, 403),
    ("POST", "/funds/applications/{id}/{action}", "recommend"): (401, 403, 404, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/{action}", "approve"):   (401, 403, 404, 403, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/submit", ""):            (401, 200, 404, 403, 404, 403, 404, 403, 404, 403),
    ("POST", "/funds/applications/{id}/withdraw", ""):          (401, 200, 404, 403, 404, 403, 404, 403, 404, 403),
    ("POST", "/funds/applications/{id}/return_for_changes", ""):(401, 403, 404, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/recommend", ""):         (401, 403, 404, 200, 404, 200, 404, 200, 404, 200),
    # The objection is to a neighbour's application: another team's, so not found for the own resident.
    ("POST", "/funds/applications/{id}/answer_objection", ""):  (401, 404, 404, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/approve", ""):           (401, 403, 404, 403, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/reject", ""):            (401, 403, 404, 403, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/fund", ""):              (401, 403, 404, 403, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/start", ""):             (401, 200, 404, 403, 404, 403, 404, 403, 404, 403),
    ("POST", "/funds/applications/{id}/report", ""):            (401, 200, 404, 403, 404, 403, 404, 403, 404, 403),
    ("POST", "/funds/applications/{id}/return", ""):            (401, 403, 404, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/accept", ""):            (401, 403, 404, 403, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/close", ""):             (401, 403, 404, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/funds/applications/{id}/cancel", ""):            (401, 403, 404, 403, 404, 200, 404, 200, 404, 200),
    # Rounds are public reading; their officials run them; eligible residents propose, vote, object, evaluate.
    ("GET", "/rounds", ""):                                     (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("POST", "/rounds", ""):                                    (401, 403, 403, 201, 404, 201, 404, 201, 404, 201),
    ("GET", "/rounds/{id}", ""):                                (401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/rounds/{id}/ballot", ""):                         (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("POST", "/rounds/{id}/proposals", ""):                     (401, 201, 403, 201, 404, 201, 404, 201, 404, 201),
    ("POST", "/rounds/{id}/projects/{project_id}/review", ""):  (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    # A selection of the street: its committees' staff nominate their own completed projects (another's is 404).
    ("POST", "/rounds/{id}/nominations", ""):                   (401, 403, 403, 201, 404, 403, 403, 403, 403, 403),
    ("POST", "/rounds/{id}/roster", ""):                        (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/rounds/{id}/codes", ""):                         (401, 403, 403, 201, 404, 201, 404, 201, 404, 201),
    ("POST", "/rounds/{id}/ballots", "online"):                 (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    # A household's paper code is its own credential; officials enter one only for their own round.
    ("POST", "/rounds/{id}/ballots", "paper code"):             (401, 201, 201, 201, 404, 201, 404, 201, 404, 201),
    ("POST", "/rounds/{id}/code-ballots", ""):                  (201, 201, 201, 201, 201, 201, 201, 201, 201, 201),
    # Only the voter's own ballot, to the voter: a resident who did not vote gets voted=false.
    ("GET", "/rounds/{id}/my-ballot", ""):                      (401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
    ("POST", "/rounds/{id}/paper-ballots", ""):                 (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/rounds/{id}/tally", ""):                         (401, 403, 403, 202, 404, 202, 404, 202, 404, 202),
    ("GET", "/rounds/{id}/tally", ""):                          (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("GET", "/rounds/{id}/results", ""):                        (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("POST", "/rounds/{id}/objections", ""):                    (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    ("POST", "/rounds/{id}/progress", ""):                      (401, 403, 403, 201, 404, 201, 404, 201, 404, 201),
    ("POST", "/rounds/{id}/evaluations", ""):                   (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    ("POST", "/rounds/{id}/{action}", "cancel"):                (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/rounds/{id}/close", ""):                         (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/rounds/{id}/cancel", ""):                        (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    # Residents ask for their own residence; the committee and the officials above it decide.
    ("POST", "/me/residence", ""):                              (401, 201, 201, 403, 403, 403, 403, 403, 403, 403),
    ("GET", "/me/residence", ""):                               (401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
    # Residents export and erase their own data; officials' work accounts are their administrator's.
    ("GET", "/me/data", ""):                                    (401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
    ("DELETE", "/me", ""):                                      (401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
    ("GET", "/review/residences", ""):                          (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("GET", "/review/funds", ""):                               (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    # A team's paper form is typed in by its committee's staff or their street.
    ("POST", "/review/funds/applications", ""):                 (401, 403, 403, 201, 404, 201, 404, 403, 403, 403),
    # Its receipts too: officials above the street see it but do not take the team's steps.
    ("POST", "/review/funds/applications/{id}/receipts", ""):    (401, 404, 404, 201, 404, 201, 404, 403, 404, 403),
    ("GET", "/review/rounds", ""):                              (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("GET", "/review/summary", ""):                             (401, 403, 403, 200, 200, 200, 200, 200, 200, 200),
    ("POST", "/review/residences/{id}/{action}", "approve"):    (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/residences/{id}/{action}", "decline"):    (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/residences/{id}/{action}", "revoke"):     (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/residences/{id}/approve", ""):            (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/residences/{id}/decline", ""):            (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/residences/{id}/revoke", ""):             (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    # Officials' accounts: each level manages those below it in its jurisdiction; committee staff manage nobody.
    ("POST", "/staff", ""):                                     (401, 403, 403, 403, 403, 201, 404, 201, 404, 201),
    ("GET", "/staff", ""):                                      (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/staff/{id}/{action}", "disable"):                (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/staff/{id}/{action}", "enable"):                 (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/staff/{id}/{action}", "move"):                   (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/staff/{id}/{action}", "reset_mfa"):              (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/staff/{id}/disable", ""):                        (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/staff/{id}/enable", ""):                         (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/staff/{id}/move", ""):                           (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    ("POST", "/staff/{id}/reset_mfa", ""):                      (401, 403, 403, 403, 403, 200, 404, 200, 404, 200),
    # The browser's session: its HttpOnly cookie is the credential, so an ID token neither helps nor hinders.
    ("POST", "/session", ""):                                   (204, 204, 204, 204, 204, 204, 204, 204, 204, 204),
    ("POST", "/session/refresh", ""):                           (401, 401, 401, 401, 401, 401, 401, 401, 401, 401),
    ("DELETE", "/session", ""):                                 (204, 204, 204, 204, 204, 204, 204, 204, 204, 204),
    # Deliberation: verified residents of the committee write; everyone signed in reads, officials
    # within their jurisdiction; an appeal against a hiding is the street's (or above) to reject.
    ("POST", "/topics", ""):                                    (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    ("GET", "/topics", ""):                                     (401, 200, 200, 200, 404, 200, 404, 200, 404, 200),
    ("GET", "/topics/{id}", ""):                                (401, 200, 200, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/topics/{id}/supports", ""):                      (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    ("POST", "/topics/{id}/comments", ""):                      (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    ("PATCH", "/topics/{id}/comments/{comment_id}", ""):        (401, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    ("DELETE", "/topics/{id}/comments/{comment_id}", ""):       (401, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    ("POST", "/topics/{id}/reports", ""):                       (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    ("POST", "/topics/{id}/appeals", ""):                       (401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
    ("GET", "/review/topics", ""):                              (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/topics/{id}/{action}", "answer"):         (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/topics/{id}/{action}", "hide"):           (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/topics/{id}/answer", ""):                 (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/topics/{id}/hide", ""):                   (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/topics/{id}/restore", ""):                (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/review/topics/{id}/reject_appeal", ""):          (401, 403, 403, 403, 404, 200, 404, 200, 404, 200),
    ("GET", "/deliberation-settings/{division}", ""):           (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("PUT", "/deliberation-settings/{division}", ""):           (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    # Meetings: officials of the committee's jurisdiction schedule and record them; verified residents
    # of the committee register (officials never); anyone reads the lists and the conventions.
    ("POST", "/meetings", ""):                                  (401, 403, 403, 201, 404, 201, 404, 201, 404, 201),
    ("GET", "/meetings", ""):                                   (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/meetings/{id}", ""):                              (401, 200, 200, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/meetings/{id}/register", ""):                    (401, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    ("POST", "/meetings/{id}/unregister", ""):                  (401, 200, 403, 403, 403, 403, 403, 403, 403, 403),
    ("POST", "/meetings/{id}/attend", ""):                      (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/meetings/{id}/minutes", ""):                     (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/meetings/{id}/decide", ""):                      (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/meetings/{id}/carry", ""):                       (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("POST", "/meetings/{id}/cancel", ""):                      (401, 403, 403, 200, 404, 200, 404, 200, 404, 200),
    ("GET", "/conventions", ""):                                (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/conventions/{id}", ""):                           (200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
}
# fmt: on

# Shanghai wall-clock times. Years nobody else's tests use, so that counts, caps, queues and
# monthly publications elsewhere never meet these resources.
ANY_TIME = "2043-05-06T10:00:00"
FUND_YEAR = 2043
POOL_SET_UP = "2043-01-05T09:00:00"
DRAFTING = "2043-03-02T10:00:00"
IN_NOTICE = "2043-03-03T10:00:00"
AFTER_NOTICE = "2043-03-20T10:00:00"
MONTH = "2043-06"
MONTH_OVER = "2043-07-02T10:00:00"
ROUND_CREATED = "2044-02-20T10:00:00"
PROPOSING = "2044-03-02T10:00:00"
VOTING = "2044-03-22T10:00:00"
TALLYING = "2044-03-29T10:00:00"
OBJECTING = "2044-03-31T10:00:00"
EVALUATING = "2044-07-02T10:00:00"
EVALUATION_OVER = "2044-07-16T10:00:00"
# The matrix's meetings start here (scheduled at ANY_TIME, before it); attendance is recorded after.
MEETING_STARTS = "2043-06-01T19:00:00"
MEETING_HELD = "2043-06-01T19:30:00"
# The lifecycle test's schedule, moved to a year of its own; the times above fall in its phases.
ROUND_SCHEDULE = {phase: {edge: moment.replace("2027-", "2044-") for edge, moment in window.items()}
                  for phase, window in LIFECYCLE_SCHEDULE.items()}
PROJECT_COST = 3_000_000
# A street's selection of FUND_YEAR's completed projects, after the fund tests' dates.
SELECTION_CREATED = f"{FUND_YEAR}-08-20T10:00:00"
NOMINATING = f"{FUND_YEAR}-09-02T10:00:00"
SELECTION_SCHEDULE = {phase: {edge: moment.replace("2027-03-", f"{FUND_YEAR}-09-").replace("2027-", f"{FUND_YEAR + 1}-")
                              for edge, moment in window.items()}
                      for phase, window in LIFECYCLE_SCHEDULE.items()}
CATEGORY = "urban_renewal"
# 凤城三村第四居委会: no other test sets its profile.
PROFILE_COMMITTEE = "310110012023"
STORED_YEAR = 2098
# On no test account, so the roster makes nobody eligible who was not.
ROSTER_PHONE = "+8613800000001"


@dataclass(frozen=True)
class Caller:
    identity: str
    allowed: bool

    @property
    def is_official(self) -> bool:
        return self.identity.split("/")[0] not in ("anonymous", "resident")


Body = dict[str, Any] | Callable[[Any, dict[str, Any], Caller], dict[str, Any]] | None


@dataclass(frozen=True)
class Recipe:
    """How to call a route: `resource` names the World factory whose fields fill the path (or
    gives the fields), `body` is the JSON body or makes it from (world, fields, caller), `at`
    is the Shanghai time of the call or makes it from the fields. `fresh`: an allowed call
    changes the resource for good, so each allowed caller gets a new one."""

    resource: str | dict[str, Any] = field(default_factory=dict)
    body: Body = None
    at: str | Callable[[dict[str, Any]], str] = ANY_TIME
    fresh: bool = False
    query: str = ""


def round_body() -> dict[str, Any]:
    return {
        "scope": KONGJIANG_COMMITTEE, "title": "控一小区微更新", "description": "小区公共空间改造，居民提议、投票决定。",
        "budget_fen": 10_000_000, "schedule": ROUND_SCHEDULE, "method": {"kind": "approval", "min_picks": 1, "max_picks": 2},
        "eligibility": {"accounts": True, "roster": True, "paper_codes": True},
    }


def selection_body() -> dict[str, Any]:
    return {
        "kind": "selection", "scope": "310110012", "year": FUND_YEAR, "title": f"控江路街道{FUND_YEAR}年度十佳项目评选",
        "schedule": SELECTION_SCHEDULE, "method": {"kind": "approval", "max_picks": 10},
        "eligibility": {"accounts": True, "paper_codes": True},
    }


def submission(world: Any, fields: dict[str, Any], caller: Caller) -> dict[str, Any]:
    return staff_entry(category=CATEGORY) if caller.is_official else suggestion(category=CATEGORY)


def fund_action(action: str) -> Body:
    return lambda world, fields, caller: valid_body(FundAction(action), fields["version"])


def with_paper_code(world: Any, fields: dict[str, Any], caller: Caller) -> dict[str, Any]:
    return {"picks": [fields["project_id"]], "code": world.paper_code(fields["id"])}


# Whom each caller would create: the level below theirs, in 控一居委会's street and district.
SUBORDINATES = {"platform_admin": ("district_admin", "310110"), "district_admin": ("street_official", "310110012")}


def subordinate(world: Any, fields: dict[str, Any], caller: Caller) -> dict[str, Any]:
    role, division = SUBORDINATES.get(caller.identity.split("/")[0], ("committee_staff", KONGJIANG_COMMITTEE))
    return {"phone": new_phone(), "role": role, "division": division}


def seen_version(world: Any, fields: dict[str, Any], caller: Caller) -> dict[str, Any]:
    return {"version": fields["version"]}


def residence_request(world: Any, fields: dict[str, Any], caller: Caller) -> dict[str, Any]:
    """A resident has one open request at a time: an earlier one of theirs is declined first."""
    account = IDENTITIES[caller.identity]
    if caller.allowed and account:
        withdraw_pending(world.client, world.accounts[account], world.accounts["platform_admin"])
    return request_body()


def residence_decision(reason: str | None) -> Body:
    return lambda world, fields, caller: {"version": fields["version"], **({"reason": reason} if reason else {})}


COMMITTEE_FIELDS = {"code": KONGJIANG_COMMITTEE, "division": KONGJIANG_COMMITTEE}
# ANY_TIME's quarter: the one the street may enter then.
INDEX_ENTRY_FIELDS = {"division": KONGJIANG_COMMITTEE, "quarter": "2043-Q2"}


def index_entry(world: Any, fields: dict[str, Any], caller: Caller) -> dict[str, Any]:
    """The street's entry with a photo of its own; replacing the one an earlier allowed call made."""
    if not caller.allowed:
        return {"values": {"rl_legal_advice": 2}, "evidence": ["uploads/photos/nobody/01J00000000000000000000000.jpg"]}
    account = world.accounts[IDENTITIES[caller.identity]]
    listed = get(world.client, f"/review/index-entries/{fields['division']}", account).json_body["entries"]
    versions = [e["version"] for e in listed if e["quarter"] == fields["quarter"]]
    return {"values": {"rl_legal_advice": 2}, "evidence": [upload_photo(world.client, account)],
            **({"version": versions[0]} if versions else {})}
PROPOSAL = {"title": "楼道加装扶手", "description": "老人上下楼不便，建议在楼道加装扶手。", "estimated_cost_fen": 2_000_000}
POOL_BODY = {"allocated_fen": 1_000_000, "per_application_cap_fen": 200_000, "per_team_cap_fen": 300_000}

RECIPES: dict[RouteKey, Recipe] = {
    ("GET", "/health", ""): Recipe(),
    ("GET", "/openapi.json", ""): Recipe(),
    ("GET", "/me", ""): Recipe(),
    ("GET", "/divisions/{code}", ""): Recipe(COMMITTEE_FIELDS),
    ("PUT", "/divisions/{code}/profile", ""): Recipe({"code": PROFILE_COMMITTEE}, {"households": 1800}),
    ("GET", "/workdays/{year}", ""): Recipe({"year": STORED_YEAR}),
    ("PUT", "/workdays/{year}", ""): Recipe({"year": STORED_YEAR}, {
        "holidays": [f"{STORED_YEAR}-10-01"], "workdays": [], "source": f"国务院办公厅关于{STORED_YEAR}年部分节假日安排的通知"}),
    ("POST", "/publications/{month}", ""): Recipe({"month": MONTH}, at=MONTH_OVER),
    ("GET", "/publications/{month}", ""): Recipe("requested_month", at=MONTH_OVER),
    ("GET", "/review/held-back", ""): Recipe(query=f"?month={PLANTED_MONTH}", at=MONTH_OVER),
    ("POST", "/review/held-back/{id}/release", ""): Recipe({"id": PLANTED_ID}, release_body, at=MONTH_OVER),
    ("GET", "/index/{division}", ""): Recipe(COMMITTEE_FIELDS),
    ("PUT", "/review/index-entries/{division}/{quarter}", ""): Recipe(INDEX_ENTRY_FIELDS, index_entry),
    ("GET", "/review/index-entries/{division}", ""): Recipe(COMMITTEE_FIELDS),
    ("POST", "/uploads/photos", ""): Recipe(body={"content_type": "image/jpeg", "size_bytes": 2048}),
    ("POST", "/uploads/receipts", ""): Recipe(body={"content_type": "application/pdf", "size_bytes": 2048}),
    ("GET", "/notifications/mine", ""): Recipe(),
    ("GET", "/notifications/read", ""): Recipe(),
    ("POST", "/notifications/read", ""): Recipe(body={"read_until": "2026-01-01T00:00:00.000Z"}),
    ("GET", "/me/digest", ""): Recipe(),
    # Left on: the other tests' officials keep their digest.
    ("PUT", "/me/digest", ""): Recipe(body={"enabled": True, "channel": "sms"}),
    # Off: the matrix's residents are texted by no other test.
    ("GET", "/me/texts", ""): Recipe(),
    ("PUT", "/me/texts", ""): Recipe(body={"sms": False}),
    ("POST", "/suggestions", ""): Recipe(body=submission),
    ("GET", "/suggestions/mine", ""): Recipe(),
    ("GET", "/suggestions/{id}", ""): Recipe("submitted_case"),
    ("POST", "/suggestions/{id}/rating", ""): Recipe("replied_case", {"score": 5}, fresh=True),
    ("GET", "/review/suggestions", ""): Recipe(query=f"?division={KONGJIANG_COMMITTEE}"),
    ("POST", "/review/suggestions/{id}/{action}", "accept"): Recipe("submitted_case", {}, fresh=True),
    ("POST", "/review/suggestions/{id}/{action}", "reply"): Recipe(
        "accepted_case", {"message": "已安排整改。", "adoption": "adopted"}, fresh=True),
    ("POST", "/review/suggestions/{id}/accept", ""): Recipe("submitted_case", {}, fresh=True),
    ("POST", "/review/suggestions/{id}/decline", ""): Recipe("submitted_case", {"reason": "不属于征集范围。"}, fresh=True),
    ("POST", "/review/suggestions/{id}/assign", ""): Recipe("accepted_case", {"committee": KONGJIANG_COMMITTEE}, fresh=True),
    ("POST", "/review/suggestions/{id}/transfer", ""): Recipe(
        "accepted_case", {"to_street": YANJI_STREET, "reason": "地点属于延吉新村街道。"}, fresh=True),
    ("POST", "/review/suggestions/{id}/return", ""): Recipe(
        "case_transferred_to_kongjiang", {"reason": "不在本街道辖区。"}, fresh=True),
    ("POST", "/review/suggestions/{id}/merge", ""): Recipe(
        "submitted_case", lambda world, fields, caller: {"into": world.resource("merge_target")["id"]}, fresh=True),
    ("POST", "/review/suggestions/{id}/reply", ""): Recipe(
        "accepted_case", {"message": "已安排整改。", "adoption": "adopted"}, fresh=True),
    ("POST", "/review/suggestions/{id}/extend", ""): Recipe(
        "accepted_case", {"days": 10, "reason": "需要现场勘查。"}, fresh=True),
    ("POST", "/review/suggestions/{id}/close", ""): Recipe("replied_case", {}, fresh=True),
    ("POST", "/review/suggestions/{id}/reopen", ""): Recipe("replied_case", {"reason": "居民反映仍未整改。"}, fresh=True),
    ("POST", "/funds/pools/{division}/{year}", ""): Recipe(
        "unused_pool_year", POOL_BODY, at=lambda fields: f"{fields['year']}-01-05T09:00:00", fresh=True),
    ("GET", "/funds/pools/{division}/{year}", ""): Recipe("fund_pool", at=IN_NOTICE),
    ("POST", "/funds/pools/{division}/{year}/top-up", ""): Recipe(
        "fund_pool", {"amount_fen": 10_000, "reason": "年中追加"}, at=IN_NOTICE),
    ("GET", "/funds/pools/{division}/{year}/ledger", ""): Recipe("fund_pool", at=IN_NOTICE),
    ("GET", "/funds/pools/{division}/{year}/applications", ""): Recipe("fund_pool", at=IN_NOTICE),
    # No path fields, but the year's pool must exist before anyone can apply to it.
    ("POST", "/funds/applications", ""): Recipe(
        "fund_pool", lambda world, fields, caller: application(FUND_YEAR, team=team_name()), at=DRAFTING),
    ("GET", "/funds/applications/mine", ""): Recipe(at=DRAFTING),
    ("GET", "/funds/applications/{id}", ""): Recipe("draft", at=DRAFTING),
    ("PUT", "/funds/applications/{id}", ""): Recipe(
        "draft", lambda world, fields, caller: {**application(FUND_YEAR, team=fields["team_name"]), "version": fields["version"]},
        at=DRAFTING, fresh=True),
    ("POST", "/funds/applications/{id}/objections", ""): Recipe(
        "neighbours_application_in_notice", {"reason": "活动噪音会影响 12 号楼居民休息。"}, at=IN_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/{action}", "submit"): Recipe("draft", fund_action("submit"), at=DRAFTING, fresh=True),
    ("POST", "/funds/applications/{id}/{action}", "recommend"): Recipe(
        "submitted_application", fund_action("recommend"), at=DRAFTING, fresh=True),
    ("POST", "/funds/applications/{id}/{action}", "approve"): Recipe(
        "application_in_notice", fund_action("approve"), at=AFTER_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/submit", ""): Recipe("draft", fund_action("submit"), at=DRAFTING, fresh=True),
    ("POST", "/funds/applications/{id}/withdraw", ""): Recipe("draft", fund_action("withdraw"), at=DRAFTING, fresh=True),
    ("POST", "/funds/applications/{id}/return_for_changes", ""): Recipe(
        "submitted_application", fund_action("return_for_changes"), at=DRAFTING, fresh=True),
    ("POST", "/funds/applications/{id}/recommend", ""): Recipe(
        "submitted_application", fund_action("recommend"), at=DRAFTING, fresh=True),
    ("POST", "/funds/applications/{id}/answer_objection", ""): Recipe(
        "objected_application", lambda world, fields, caller: valid_body(
            FundAction.answer_objection, fields["version"], fields["objection_id"]), at=IN_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/approve", ""): Recipe(
        "application_in_notice", fund_action("approve"), at=AFTER_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/reject", ""): Recipe(
        "application_in_notice", fund_action("reject"), at=AFTER_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/fund", ""): Recipe(
        "approved_application", fund_action("fund"), at=AFTER_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/start", ""): Recipe(
        "funded_application", fund_action("start"), at=AFTER_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/report", ""): Recipe(
        "started_application", fund_action("report"), at=AFTER_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/return", ""): Recipe(
        "reported_application", fund_action("return"), at=AFTER_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/accept", ""): Recipe(
        "reported_application", fund_action("accept"), at=AFTER_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/close", ""): Recipe(
        "accepted_application", fund_action("close"), at=AFTER_NOTICE, fresh=True),
    ("POST", "/funds/applications/{id}/cancel", ""): Recipe(
        "approved_application", fund_action("cancel"), at=AFTER_NOTICE, fresh=True),
    ("GET", "/rounds", ""): Recipe(query=f"?division={KONGJIANG_COMMITTEE}"),
    ("POST", "/rounds", ""): Recipe(body=round_body(), at=ROUND_CREATED),
    ("GET", "/rounds/{id}", ""): Recipe("open_round"),
    ("GET", "/rounds/{id}/ballot", ""): Recipe("open_round"),
    ("POST", "/rounds/{id}/proposals", ""): Recipe("open_round", PROPOSAL, at=PROPOSING),
    ("POST", "/rounds/{id}/projects/{project_id}/review", ""): Recipe(
        "open_round", {"feasible": True, "final_cost_fen": PROJECT_COST}, at=PROPOSING),
    ("POST", "/rounds/{id}/nominations", ""): Recipe(
        "selection_with_source", lambda world, fields, caller: {"source": "fund_application", "id": fields["application_id"]},
        at=NOMINATING, fresh=True),
    ("POST", "/rounds/{id}/roster", ""): Recipe("open_round", {"phones": [ROSTER_PHONE]}, at=PROPOSING),
    ("POST", "/rounds/{id}/codes", ""): Recipe("open_round", {"count": 1}, at=PROPOSING),
    ("POST", "/rounds/{id}/ballots", "online"): Recipe(
        "open_round", lambda world, fields, caller: {"picks": [fields["project_id"]]}, at=VOTING, fresh=True),
    ("POST", "/rounds/{id}/ballots", "paper code"): Recipe("open_round", with_paper_code, at=VOTING),
    ("GET", "/rounds/{id}/my-ballot", ""): Recipe("tallied_round", at=OBJECTING),
    ("POST", "/rounds/{id}/code-ballots", ""): Recipe("open_round", with_paper_code, at=VOTING),
    ("POST", "/rounds/{id}/paper-ballots", ""): Recipe(
        "open_round", lambda world, fields, caller: {"csv": f"{world.paper_code(fields['id'])};{fields['project_id']}"},
        at=VOTING),
    ("POST", "/rounds/{id}/tally", ""): Recipe("open_round", {}, at=TALLYING, fresh=True),
    ("GET", "/rounds/{id}/tally", ""): Recipe("tallied_round", at=OBJECTING),
    ("GET", "/rounds/{id}/results", ""): Recipe("tallied_round", at=OBJECTING),
    ("POST", "/rounds/{id}/objections", ""): Recipe(
        "tallied_round", lambda world, fields, caller: {"text": "这个项目更急需。", "project_id": fields["project_id"]},
        at=OBJECTING),
    ("POST", "/rounds/{id}/progress", ""): Recipe("tallied_round", lambda world, fields, caller: {
        "project_id": fields["project_id"], "status": "in_progress", "percent": 40, "note": "已完成土方和排水"}, at=OBJECTING),
    ("POST", "/rounds/{id}/evaluations", ""): Recipe(
        "tallied_round", lambda world, fields, caller: {"project_id": fields["project_id"], "score": 5},
        at=EVALUATING, fresh=True),
    ("POST", "/rounds/{id}/{action}", "cancel"): Recipe("open_round", {"reason": "场地另有安排。"}, at=PROPOSING, fresh=True),
    ("POST", "/rounds/{id}/close", ""): Recipe("tallied_round", {}, at=EVALUATION_OVER, fresh=True),
    ("POST", "/rounds/{id}/cancel", ""): Recipe("open_round", {"reason": "场地另有安排。"}, at=PROPOSING, fresh=True),
    ("POST", "/me/residence", ""): Recipe(body=residence_request),
    ("GET", "/me/residence", ""): Recipe(),
    ("GET", "/me/data", ""): Recipe(),
    # Made by a stand-in resident of its own when allowed (World.erasable_resident).
    ("DELETE", "/me", ""): Recipe("erasable_resident", fresh=True),
    ("GET", "/review/residences", ""): Recipe(query=f"?division={KONGJIANG_COMMITTEE}"),
    ("GET", "/review/funds", ""): Recipe(query=f"?committee={KONGJIANG_COMMITTEE}"),
    ("POST", "/review/funds/applications", ""): Recipe(
        "fund_pool", lambda world, fields, caller: {**application(FUND_YEAR, team=team_name()), "channel": "paper"},
        at=DRAFTING),
    ("POST", "/review/funds/applications/{id}/receipts", ""): Recipe(
        "paper_draft", {"content_type": "application/pdf", "size_bytes": 2048}, at=DRAFTING),
    ("GET", "/review/rounds", ""): Recipe(query=f"?division={KONGJIANG_COMMITTEE}"),
    # Every official's own jurisdiction: nobody is foreign to their own summary.
    ("GET", "/review/summary", ""): Recipe(),
    ("POST", "/review/residences/{id}/{action}", "approve"): Recipe(
        "pending_residence", residence_decision(None), fresh=True),
    ("POST", "/review/residences/{id}/{action}", "decline"): Recipe(
        "pending_residence", residence_decision("查无此门牌"), fresh=True),
    ("POST", "/review/residences/{id}/{action}", "revoke"): Recipe(
        "approved_residence", residence_decision("已搬离"), fresh=True),
    ("POST", "/review/residences/{id}/approve", ""): Recipe("pending_residence", residence_decision(None), fresh=True),
    ("POST", "/review/residences/{id}/decline", ""): Recipe(
        "pending_residence", residence_decision("查无此门牌"), fresh=True),
    ("POST", "/review/residences/{id}/revoke", ""): Recipe("approved_residence", residence_decision("已搬离"), fresh=True),
    ("POST", "/staff", ""): Recipe(body=subordinate),
    ("GET", "/staff", ""): Recipe(query=f"?division={KONGJIANG_COMMITTEE}"),
    ("POST", "/staff/{id}/{action}", "disable"): Recipe("committee_official", seen_version, fresh=True),
    ("POST", "/staff/{id}/{action}", "enable"): Recipe("disabled_committee_official", seen_version, fresh=True),
    ("POST", "/staff/{id}/{action}", "move"): Recipe(
        "committee_official", lambda world, fields, caller: {"version": fields["version"], "division": "310110012003"},
        fresh=True),
    ("POST", "/staff/{id}/{action}", "reset_mfa"): Recipe("committee_official", seen_version, fresh=True),
    ("POST", "/staff/{id}/disable", ""): Recipe("committee_official", seen_version, fresh=True),
    ("POST", "/staff/{id}/enable", ""): Recipe("disabled_committee_official", seen_version, fresh=True),
    ("POST", "/staff/{id}/move", ""): Recipe(
        "committee_official", lambda world, fields, caller: {"version": fields["version"], "division": "310110012003"},
        fresh=True),
    ("POST", "/staff/{id}/reset_mfa", ""): Recipe("committee_official", seen_version, fresh=True),
    ("POST", "/session", ""): Recipe(body=refresh_token_body),
    ("POST", "/session/refresh", ""): Recipe(body={}),
    ("DELETE", "/session", ""): Recipe(body={}),
    ("POST", "/topics", ""): Recipe(body={"division": KONGJIANG_COMMITTEE, "title": "楼道加装扶手",
                                          "background": "老人上下楼不便。", "proposal": "每层加装扶手。"}),
    ("GET", "/topics", ""): Recipe(query=f"?division={KONGJIANG_COMMITTEE}"),
    ("GET", "/topics/{id}", ""): Recipe("neighbours_topic"),
    ("POST", "/topics/{id}/supports", ""): Recipe("neighbours_topic", fresh=True),
    ("POST", "/topics/{id}/comments", ""): Recipe("neighbours_topic", {"text": "赞成，楼里老人多。"}),
    ("PATCH", "/topics/{id}/comments/{comment_id}", ""): Recipe("my_comment", {"text": "赞成，三楼以上尤其需要。"}),
    ("DELETE", "/topics/{id}/comments/{comment_id}", ""): Recipe("my_comment", fresh=True),
    ("POST", "/topics/{id}/reports", ""): Recipe("neighbours_topic", {"reason": "off_topic"}, fresh=True),
    ("POST", "/topics/{id}/appeals", ""): Recipe("my_hidden_topic", {"text": "内容与本小区有关。"}, fresh=True),
    ("GET", "/review/topics", ""): Recipe(query=f"?division={KONGJIANG_COMMITTEE}"),
    ("POST", "/review/topics/{id}/{action}", "answer"): Recipe("neighbours_topic", {"text": "已纳入物业年度计划。"},
                                                               fresh=True),
    ("POST", "/review/topics/{id}/{action}", "hide"): Recipe("neighbours_topic", {"reason": "含不实信息"}, fresh=True),
    ("POST", "/review/topics/{id}/answer", ""): Recipe("neighbours_topic", {"text": "已纳入物业年度计划。"}, fresh=True),
    ("POST", "/review/topics/{id}/hide", ""): Recipe("neighbours_topic", {"reason": "含不实信息"}, fresh=True),
    ("POST", "/review/topics/{id}/restore", ""): Recipe("my_hidden_topic", {}, fresh=True),
    ("POST", "/review/topics/{id}/reject_appeal", ""): Recipe("my_appealed_topic", {"reason": "确含他人隐私"},
                                                              fresh=True),
    ("GET", "/deliberation-settings/{division}", ""): Recipe(COMMITTEE_FIELDS),
    # The defaults, so that other tests' topics keep them.
    ("PUT", "/deliberation-settings/{division}", ""): Recipe(COMMITTEE_FIELDS,
                                                             {"support_threshold": 10, "household_percent": 2}),
    ("POST", "/meetings", ""): Recipe(body=lambda world, fields, caller: world.meeting_body()),
    ("GET", "/meetings", ""): Recipe(query=f"?division={KONGJIANG_COMMITTEE}"),
    ("GET", "/meetings/{id}", ""): Recipe("scheduled_meeting"),
    ("POST", "/meetings/{id}/register", ""): Recipe("scheduled_meeting", {"name": "3号楼 王阿姨"}, fresh=True),
    ("POST", "/meetings/{id}/unregister", ""): Recipe("registered_meeting", {}, fresh=True),
    ("POST", "/meetings/{id}/attend", ""): Recipe("scheduled_meeting", {"count": 30}, at=MEETING_HELD, fresh=True),
    ("POST", "/meetings/{id}/minutes", ""): Recipe("held_meeting", {"text": "居民充分讨论。"}, at=MEETING_HELD),
    # Fresh: a decision is a step on the topic's path, one per topic and moment.
    ("POST", "/meetings/{id}/decide", ""): Recipe(
        "held_meeting", {"text": "同意。", "votes_for": 10, "votes_against": 1, "votes_abstain": 0}, at=MEETING_HELD,
        fresh=True),
    ("POST", "/meetings/{id}/carry", ""): Recipe("decided_meeting", lambda world, fields, caller: {
        "decision_id": fields["decision_id"], "target": "convention", "title": "文明养犬公约"}, at=MEETING_HELD, fresh=True),
    ("POST", "/meetings/{id}/cancel", ""): Recipe("scheduled_meeting", {"reason": "场地另有安排。"}, fresh=True),
    ("GET", "/conventions", ""): Recipe(query=f"?division={KONGJIANG_COMMITTEE}"),
    ("GET", "/conventions/{id}", ""): Recipe("convention"),
}


def label(route: RouteKey) -> str:
    method, path, variant = route
    if variant and "{action}" in path:
        # Marked as the alias, apart from the action's own operation at the same concrete path.
        return f"{method} {path.replace('{action}', variant)} (via {{action}})"
    return f"{method} {path}" + (f" [{variant}]" if variant else "")
