"""Publishing a month: read its activity, aggregate, render, and write it whole or not at all.

Files first, then the month's manifest, then index.json and latest.json: until the pointers are
written, readers see the previous state, and a run that failed halfway is completed by the next
run (which rewrites every file, byte for byte the same when the records are the same).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from chalicelib import clock
from chalicelib.funds import rules as fund_rules
from chalicelib.funds.models import MovementKind
from chalicelib.observability import count, logger
from chalicelib.publishing import months, render, repository, summary
from chalicelib.publishing.aggregate import COMMITTEE_DIGITS, MonthTally, scopes
from chalicelib.publishing.held_back import PLACEHOLDER, RELEASED, Gate, Source
from chalicelib.workdays.rules import shanghai_date, working_days_between
from chalicelib.workdays.service import load_calendar

Progress = Callable[[int], None]


def _working_days() -> Callable[[str, str], int]:
    calendar = load_calendar()

    def between(start_iso: str, end_iso: str) -> int:
        return working_days_between(_day(start_iso), _day(end_iso), calendar)

    return between


def _day(iso: str) -> date:
    return shanghai_date(datetime.fromisoformat(iso.replace("Z", "+00:00")))


def tally_month(month: str, progress: Progress | None = None) -> MonthTally:
    tally = MonthTally(_working_days())
    for page in repository.activity_pages(month):
        tally.add_all(page)
        if progress:
            progress(len(page))
    return tally


def _pool_figures(tally: MonthTally, active: set[str], year: int, end: str) -> dict[tuple[str, int], dict[str, int]]:
    """Figures at the month's end of every pool that moved in the month, and of the year's pool
    of every committee with any activity, moved or not (its use still counts in the index)."""
    committees = sorted(code for code in active if len(code) == COMMITTEE_DIGITS)
    figures: dict[tuple[str, int], dict[str, int]] = {}
    for committee, pool_year in sorted(set(tally.pools) | set(repository.pools_of(committees, year))):
        totals = fund_rules.Figures()
        for entry in repository.ledger_until(committee, pool_year, end):
            totals = fund_rules.apply_movements(totals, [(MovementKind(entry["kind"]), int(entry["amount_fen"]))])
        figures[(committee, pool_year)] = {name: getattr(totals, name) for name in fund_rules.FIGURES}
    return figures


def _adopted(case_ids: set[str], gate: Gate) -> list[dict[str, Any]]:
    """Adopted suggestions whose senders agreed to publication: scrubbed text, division at most a committee.

    A suggestion with any text the gate holds back is left out of the month whole; the gate lists
    it for review and the log names it by tracking number, never by its text."""
    published = []
    for case in sorted(repository.cases(sorted(case_ids)), key=lambda c: c["tracking_no"]):
        if not case.get("publish_consent") or not case.get("reply"):
            continue
        context = {"tracking_no": case["tracking_no"], "division": case["division"]}
        texts = {name: gate.text(Source("suggestion", case["id"], name, context), text)
                 for name, text in (("title", case["title"]), ("content", case["content"]),
                                    ("reply", case["reply"]["message"]))}
        if None in texts.values():
            logger.warning("suggestion held back from publication", extra={"tracking_no": case["tracking_no"]})
            count("SuggestionHeldBack")
            continue
        published.append({
            "tracking_no": case["tracking_no"], "division": case["division"], "category": case["category"],
            "adoption": case["reply"]["adoption"], **texts,
        })
    return published


def _public_ballots(body: bytes, title: str, project_titles: dict[str, str]) -> bytes:
    """The round's Pabulib file with its free text (the round's and projects' names) replaced by
    what the month publishes of them, safe in a spreadsheet (it is semicolon-separated CSV);
    the same bytes when there is nothing to change."""
    from chalicelib.voting import pabulib

    election = pabulib.parse(body.decode("utf-8"))
    meta = {**election.meta, "description": render.neutralised(title)}
    projects = {key: replace(p, name=render.neutralised(project_titles.get(p.id, PLACEHOLDER)))
                for key, p in election.projects.items()}
    if meta == election.meta and projects == election.projects:
        return body
    return pabulib.dump(replace(election, meta=meta, projects=projects)).encode("utf-8")


def _published_round(round_id: str, result: dict[str, Any], scope: str, gate: Gate) -> dict[str, Any]:
    """The round's result with its titles as the gate lets them out: a title held back reads as
    the placeholder, so that the counts, which name no one, are still published. The gate reads
    the titles as written, so that what it holds back is listed for review."""
    title = gate.title(Source("round", round_id, "title"), repository.round_title(round_id))
    proposed = repository.project_titles(round_id)
    projects = [{**p, "title": gate.title(Source("project", p["id"], "title", {"round_id": round_id}),
                                          proposed.get(p["id"], p["title"]))} for p in result["projects"]]
    return {**result, "title": title, "scope": scope, "projects": projects}


def _divisions(codes: set[str]) -> dict[str, dict[str, Any]]:
    from chalicelib.divisions.repository import get_divisions

    return {code: {"name": division.name, "population": division.population, "households": division.households}
            for code, division in sorted(get_divisions(codes).items())}


def text_digest(scrubbed: str) -> str:
    # Unkeyed: it only tells one version of a text from another for a release, is read by those
    # who may read the text itself, and the publishers then need no secret.
    return hashlib.sha256(f"held-back-text\x00{scrubbed}".encode()).hexdigest()[:40]


def gate_for(month: str, existing: list[dict[str, Any]] | None = None) -> Gate:
    """A gate that lets out what a platform admin released for the month (and nothing else in doubt)."""
    existing = repository.held_back(month) if existing is None else existing
    return Gate(digest=text_digest, released={repository.source_key_of(item): item["digest"] for item in existing
                                              if item.get("status") == RELEASED})


def build_files(month: str, progress: Progress | None = None, gate: Gate | None = None) -> dict[str, tuple[bytes, str]]:
    """Every file of the month but the manifest: name → (bytes, content type). Free text passes
    `gate`, which then holds what was left out."""
    gate = gate_for(month) if gate is None else gate
    period = months.bounds(month)
    tally = tally_month(month, progress)
    results, files = [], {}
    for round_id in sorted(tally.rounds):
        result = repository.round_result(round_id)
        ballots = repository.public_file(f"rounds/{round_id}/ballots.pb")
        if result is None or ballots is None:
            continue
        result = _published_round(round_id, result, tally.rounds[round_id], gate)
        results.append(result)
        files[f"rounds/{round_id}.pb"] = (_public_ballots(ballots, result["title"],
                                                          {p["id"]: p["title"] for p in result["projects"]}),
                                          render.PB_TYPE)
        public_result = {k: v for k, v in result.items() if k not in ("PK", "SK", "type", "GSI1PK", "GSI1SK")}
        files[f"rounds/{round_id}.json"] = (render.json_bytes(public_result), render.JSON_TYPE)
    codes = {code for c in (*tally.suggestions, *tally.funds, *tally.deliberation, *tally.rounds.values())
             for code in scopes(c)}
    data = summary.build(month, period, tally, _divisions(codes), results, _pool_figures(tally, codes, int(month[:4]), period[1]),
                         _adopted(tally.adopted_with_consent, gate), _entered(codes, period[1]),
                         _conventions(codes, period[1]))
    files["summary.json"] = (render.json_bytes(data), render.JSON_TYPE)
    for name, body in {**render.tables(data), **render.tables_deliberation(data), **render.tables_v2(data)}.items():
        files[name] = (body, render.CSV_TYPE)
    files["index.html"] = (render.page(data, sorted(n for n in files if "/" not in n)), render.HTML_TYPE)
    return files


def _entered(codes: set[str], end: str) -> dict[str, dict[str, float]]:
    """The street's entered indicators that the month's last day reads, per committee and street."""
    from chalicelib.live import entries, index_repository

    # `end` is the next month's first instant (months.bounds).
    last_day = _day(end) - timedelta(days=1)
    found = {}
    for code in sorted(c for c in codes if entries.may_be_entered_for(c)):
        stored, _ = index_repository.entries_of(code)
        if stored:
            found[code] = entries.applying(
                {quarter: {k: float(v) for k, v in item["values"].items()} for quarter, item in stored.items()}, last_day)
    return found


def _conventions(codes: set[str], end: str) -> dict[str, int]:
    """Conventions adopted over the year ending on the month's last day, per committee and street,
    from the live counters (index 2.1's rl_conventions reads a year, more than the month's tally)."""
    from chalicelib.live import entries, index
    from chalicelib.live.repository import read_counters

    last_day = _day(end) - timedelta(days=1)
    first_day = last_day - timedelta(days=index.CONVENTION_DAYS - 1)
    return {code: sum(day.get("conventions_adopted", 0) for day in read_counters(code, first_day, last_day).values())
            for code in sorted(c for c in codes if entries.may_be_entered_for(c))}


def manifest(month: str, files: dict[str, tuple[bytes, str]], generated_at: str) -> dict[str, Any]:
    return {
        "month": month, "schema_version": summary.SCHEMA_VERSION, "generated_at": generated_at,
        "files": [{"name": name, "bytes": len(body), "sha256": hashlib.sha256(body).hexdigest(), "content_type": kind}
                  for name, (body, kind) in sorted(files.items())],
    }


def publish(month: str, progress: Progress | None = None) -> dict[str, Any]:
    """Publish (or republish) one month; returns its manifest. Where the run stands is kept
    beside it (GET /publications/{month}), a failure included."""
    months.requested(month)
    started_at = clock.iso(clock.utc_now())
    repository.put_status(month, {"state": "running", "started_at": started_at})
    try:
        written = _write(month, progress)
    except Exception as exc:
        repository.put_status(month, {"state": "failed", "started_at": started_at,
                                      "finished_at": clock.iso(clock.utc_now()), "error": type(exc).__name__})
        raise
    repository.put_status(month, {"state": "published", "started_at": started_at,
                                  "finished_at": written["generated_at"], "files": len(written["files"]),
                                  "manifest": f"{repository.PREFIX}{month}/manifest.json"})
    return written


def _write(month: str, progress: Progress | None) -> dict[str, Any]:
    existing = repository.held_back(month)
    gate = gate_for(month, existing)
    files = build_files(month, progress, gate)
    _record_held_back(month, gate, existing)
    folder = f"{repository.PREFIX}{month}/"
    for name, (body, kind) in sorted(files.items()):
        repository.put_public_file(folder + name, body, kind)
    written = manifest(month, files, clock.iso(clock.utc_now()))
    repository.put_public_file(folder + "manifest.json", render.json_bytes(written), render.JSON_TYPE)
    _point_to(month)
    return written


def _record_held_back(month: str, gate: Gate, existing: list[dict[str, Any]]) -> None:
    """Listed before the files go out, so that nothing is missing from the month unseen."""
    before = {repository.source_key_of(item): item for item in existing}
    records = []
    for source_key, record in sorted(gate.held.items()):
        earlier = before.get(source_key) or {}
        if record["status"] == RELEASED:
            record = {**record, **{k: earlier[k] for k in ("released_at", "released_by_role") if k in earlier}}
        records.append(record)
    for record in gate.withheld():
        logger.warning("text held back from publication",
                       extra={"month": month, "source": record["kind"], "source_id": record["source_id"],
                              "field": record["field"]})
        count("TextHeldBack")
    repository.record_held_back(month, records, sorted(set(before) - set(gate.held)), clock.iso(clock.utc_now()))


def _point_to(month: str) -> None:
    index_key, latest_key = repository.PREFIX + "index.json", repository.PREFIX + "latest.json"
    existing = repository.public_file(index_key)
    published = {entry["month"] for entry in (json.loads(existing)["months"] if existing else [])} | {month}
    entries = [{"month": m, "manifest": f"{m}/manifest.json", "page": f"{m}/index.html"}
               for m in sorted(published, reverse=True)]
    repository.put_public_file(index_key, render.json_bytes({"months": entries}), render.JSON_TYPE)
    repository.put_public_file(latest_key, render.json_bytes(entries[0]), render.JSON_TYPE)


def publish_after(scheduled_at: str) -> dict[str, Any]:
    """The scheduled run: the month that had just ended in Shanghai when the schedule fired."""
    month = months.month_before(datetime.fromisoformat(scheduled_at.replace("Z", "+00:00")))
    written = publish(month)
    logger.info("month published", extra={"month": month, "files": len(written["files"])})
    count("MonthPublished")
    return {"month": month, "files": len(written["files"])}
