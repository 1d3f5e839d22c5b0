"""Wiring only: the Chalice app, its middleware and its blueprints."""

from chalice import Chalice, Cron

from chalicelib.accounts.guard import refuse_erased_writers
from chalicelib.accounts.routes import accounts_api
from chalicelib.deliberation.routes import deliberation_api
from chalicelib.divisions.routes import divisions_api
from chalicelib.funds.routes import funds_api
from chalicelib.live.routes import live_api
from chalicelib.meetings.routes import meetings_api
from chalicelib.notifications.routes import notifications_api
from chalicelib.observability import instrument
from chalicelib.publishing.routes import publishing_api
from chalicelib.residence.routes import residence_api
from chalicelib.review.digest_routes import digest_api
from chalicelib.review.routes import review_api
from chalicelib.session.routes import session_api
from chalicelib.staff.routes import staff_api
from chalicelib.staff.service import still_valid
from chalicelib.storage.queues import PUBLICATIONS_QUEUE, TALLIES_QUEUE, TEXTS_QUEUE
from chalicelib.suggestions.routes import suggestions_api
from chalicelib.system.routes import system_api
from chalicelib.texts.routes import texts_api
from chalicelib.uploads.routes import uploads_api
from chalicelib.voting.routes import voting_api
from chalicelib.web.api import check_officials_with
from chalicelib.web.authorizer import authorizer_blueprint
from chalicelib.web.middleware import handle_errors
from chalicelib.workdays.routes import workdays_api

# Powertools formats the logs; Chalice's own handler would print every line twice.
app = Chalice(app_name="mulin", configure_logs=False)

instrument(app)
app.register_middleware(handle_errors, "http")
# Inside handle_errors, so that its refusal takes the error shape.
app.register_middleware(refuse_erased_writers, "http")
# Every official's request is checked against their account (disabled, moved, MFA reset).
check_officials_with(still_valid)

app.register_blueprint(authorizer_blueprint)
app.register_blueprint(system_api)
app.register_blueprint(divisions_api)
app.register_blueprint(uploads_api)
app.register_blueprint(workdays_api)
app.register_blueprint(suggestions_api)
app.register_blueprint(notifications_api)
app.register_blueprint(voting_api)
app.register_blueprint(funds_api)
app.register_blueprint(publishing_api)
app.register_blueprint(live_api)
app.register_blueprint(residence_api)
app.register_blueprint(review_api)
app.register_blueprint(digest_api)
app.register_blueprint(staff_api)
app.register_blueprint(accounts_api)
app.register_blueprint(session_api)
app.register_blueprint(deliberation_api)
app.register_blueprint(meetings_api)
app.register_blueprint(texts_api)


# 17:00 UTC on the last day of a month is 01:00 on the 1st in Shanghai (UTC+8, no daylight saving).
@app.schedule(Cron(0, 17, "L", "*", "?", "*"), name="publish_last_month")
def publish_last_month(event):
    from chalicelib.publishing.service import publish_after

    return publish_after(event.time)


# 00:30 UTC is 08:30 in Shanghai; 08:45 is the catch-up, which finishes a run the timeout cut
# short and otherwise sends nothing (the day's markers). Non-working days are skipped inside.
@app.schedule(Cron("30,45", 0, "*", "*", "?", "*"), name="send_officials_digest")
def send_officials_digest(event):
    from chalicelib.review.digest import run_scheduled

    return run_scheduled(event.time, getattr(event.context, "get_remaining_time_in_millis", None))


# Hourly, at ten past: the live index's files (live/index/*.json), whose cache lifetime is five minutes.
@app.schedule(Cron(10, "*", "*", "*", "?", "*"), name="publish_live_index")
def publish_live_index(event):
    from chalicelib.live.publish import publish_all

    return publish_all()


@app.on_sqs_message(queue=PUBLICATIONS_QUEUE, batch_size=1, name="publish_requested_month")
def publish_requested_month(event):
    from chalicelib.publishing.jobs import run_message

    return [run_message(record.body) for record in event]


@app.on_sqs_message(queue=TALLIES_QUEUE, batch_size=1, name="count_round")
def count_round(event):
    from chalicelib.voting.tally_jobs import run_message

    # How many times this message was handed out: its last delivery marks the job failed.
    return [run_message(record.body, int(record.to_dict().get("attributes", {}).get("ApproximateReceiveCount", 1)))
            for record in event]


# The notifications topic → residents' texts, through a queue the topic delivers to (raw). A batch
# answers which messages failed (infra sets ReportBatchItemFailures): only those come back.
@app.on_sqs_message(queue=TEXTS_QUEUE, batch_size=10, name="send_texts")
def send_texts(event):
    from chalicelib.texts.service import handle_batch

    return handle_batch(event.to_dict(), event.context)


# 00:00 UTC is 08:00 in Shanghai, the end of the quiet hours: the texts the night held back.
@app.schedule(Cron(0, 0, "*", "*", "?", "*"), name="send_deferred_texts")
def send_deferred_texts(event):
    from chalicelib import clock
    from chalicelib.texts.service import send_deferred

    return send_deferred(clock.utc_now())


# The main table's stream → live counters. The stream's ARN exists only once the stack does, so
# the event source (batches, partial failures) is wired in infra/stack.py, not declared here.
@app.lambda_function(name="count_live")
def count_live(event, context):
    from chalicelib.live.consumer import handle

    return handle(event)
