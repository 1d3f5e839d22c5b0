"""/health and /openapi.json through the real app."""

from openapi_spec_validator import validate


def _on(monkeypatch, iso):
    from datetime import datetime

    instant = datetime.fromisoformat(iso)
    monkeypatch.setattr("chalicelib.clock.utc_now", lambda: instant)


def test_health_reports_stage_table_and_bucket(client, monkeypatch):
    _on(monkeypatch, "2026-10-15T02:00:00+00:00")
    response = client.http.get("/health")
    assert response.status_code == 200
    assert response.json_body == {"status": "ok", "stage": "local", "table": True, "bucket": True, "warnings": []}


def test_health_warns_from_november_that_next_years_working_days_are_missing(client, monkeypatch):
    _on(monkeypatch, "2026-11-01T02:00:00+00:00")
    warnings = client.http.get("/health").json_body["warnings"]
    assert len(warnings) == 1 and "2027" in warnings[0]


def test_health_is_503_when_the_bucket_is_gone(client, stack, monkeypatch):
    monkeypatch.setenv("MULIN_PUBLIC_BUCKET", "no-such-bucket")
    from chalicelib.settings import reset_settings

    reset_settings()
    response = client.http.get("/health")
    assert response.status_code == 503
    assert response.json_body["bucket"] is False


def test_openapi_is_served_valid_and_complete(client):
    response = client.http.get("/openapi.json")
    assert response.status_code == 200
    document = response.json_body
    validate(document)
    from app import app

    served = {(path, method.upper()) for path, item in document["paths"].items() for method in item}
    routed = {(path, method) for path, methods in app.routes.items() for method in methods}
    assert served == routed


def test_unknown_route_is_refused_without_data(client):
    response = client.http.get("/nowhere")
    assert response.status_code in (403, 404)


def test_refused_requests_are_counted_as_metrics(client, capsys):
    capsys.readouterr()
    assert client.http.get("/divisions/abc").status_code == 400
    emitted = [line for line in capsys.readouterr().out.splitlines() if '"_aws"' in line]
    assert any('"ClientErrors"' in line for line in emitted), emitted
