"""POST /uploads/photos and /uploads/receipts with real tokens, and the returned form used for
real against the embedded S3, the way a browser would."""

import base64
import json
import struct
import zlib
from datetime import UTC, datetime, timedelta

import boto3
import pytest
import requests

from chalicelib.errors import RuleViolationError

JSON = {"Content-Type": "application/json"}


def tiny_png() -> bytes:
    """A valid 1×1 PNG, built here so the test needs no fixture file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x66\x99\xcc\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def tiny_pdf() -> bytes:
    """A valid one-page PDF, its cross-reference offsets computed so readers need no repair."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def ask_for_form(client, account, body, headers=None, path="/uploads/photos"):
    return client.http.post(path, body=json.dumps(body).encode(),
                            headers={**(account.headers if account else {}), **JSON, **(headers or {})})


def s3(stack):
    return boto3.client("s3", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)


def test_a_resident_gets_a_form_and_uploads_a_real_png_with_it(client, accounts, stack):
    resident = accounts["resident"]
    png = tiny_png()
    response = ask_for_form(client, resident, {"content_type": "image/png", "size_bytes": len(png)})
    assert response.status_code == 201, response.body
    form = response.json_body
    assert form["key"].startswith(f"uploads/photos/{resident.user_id}/") and form["key"].endswith(".png")
    assert form["url"].startswith(stack.aws_endpoint_url)
    assert (form["max_bytes"], form["content_type"]) == (len(png), "image/png")
    expires_at = datetime.fromisoformat(form["expires_at"])
    assert timedelta(minutes=14) < expires_at - datetime.now(UTC) <= timedelta(minutes=15)
    assert response.headers["Cache-Control"] == "no-store"

    upload = requests.post(form["url"], data=form["fields"], files={"file": ("photo.png", png, "image/png")}, timeout=10)
    assert upload.status_code in (201, 204), upload.text

    head = s3(stack).head_object(Bucket=stack.attachments_bucket, Key=form["key"])
    assert (head["ContentType"], head["ContentLength"]) == ("image/png", len(png))

    from chalicelib.uploads.service import verify_photos

    [ref] = verify_photos(resident.user_id, [form["key"]])
    assert (ref.key, ref.content_type, ref.size_bytes) == (form["key"], "image/png", len(png))
    with pytest.raises(RuleViolationError):
        verify_photos(accounts["other_resident"].user_id, [form["key"]])


@pytest.mark.parametrize("name", ["committee_staff", "street_official", "platform_admin"])
def test_officials_may_upload_photos_too(client, accounts, name):
    response = ask_for_form(client, accounts[name], {"content_type": "image/jpeg", "size_bytes": 1000})
    assert response.status_code == 201
    assert response.json_body["key"].startswith(f"uploads/photos/{accounts[name].user_id}/")


def test_a_form_is_limited_to_the_declared_size(client, accounts, stack):
    form = ask_for_form(client, accounts["resident"], {"content_type": "image/png", "size_bytes": 100}).json_body
    # moto 5.2.5 stores a POSTed object without evaluating its policy (no signature,
    # content-length-range or Content-Type check: moto/s3/responses.py,
    # _bucket_response_post), so sending 101 bytes here would prove nothing. The limit is
    # the signed policy that AWS S3 enforces; check that policy instead.
    policy = json.loads(base64.b64decode(form["fields"]["policy"]))
    conditions = policy["conditions"]
    assert ["content-length-range", 1, 100] in conditions
    assert {"Content-Type": "image/png"} in conditions
    assert {"key": form["key"]} in conditions
    assert {"bucket": stack.attachments_bucket} in conditions
    expiration = datetime.fromisoformat(policy["expiration"].replace("Z", "+00:00"))
    assert expiration - datetime.now(UTC) <= timedelta(minutes=15, seconds=5)
    # S3 refuses form fields the policy does not cover; every field sent is either covered
    # or one S3 exempts (the policy, the signature and its parameters).
    exempt = {"policy", "x-amz-signature", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-security-token"}
    covered = {name for c in conditions if isinstance(c, dict) for name in c}
    assert set(form["fields"]) - exempt <= covered


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"content_type": "image/gif", "size_bytes": 1000}, "content_type"),
        ({"content_type": "text/html", "size_bytes": 1000}, "content_type"),
        ({"content_type": "image/png", "size_bytes": 10 * 1024 * 1024 + 1}, "size_bytes"),
        ({"content_type": "image/png", "size_bytes": 0}, "size_bytes"),
        ({"content_type": "image/png"}, "size_bytes"),
        ({"content_type": "image/png", "size_bytes": 10, "key": "uploads/photos/x/y.png"}, "key"),
    ],
)
def test_bad_requests_are_400_with_the_error_shape(client, accounts, body, field):
    response = ask_for_form(client, accounts["resident"], body)
    assert response.status_code == 400
    error = response.json_body
    assert set(error) == {"code", "message", "details", "correlation_id"}
    assert error["code"] == "validation_failed"
    assert [d["field"] for d in error["details"]] == [field]
    assert all(d["message_zh"] for d in error["details"])


def test_no_token_is_401(client):
    response = ask_for_form(client, None, {"content_type": "image/png", "size_bytes": 1000})
    assert response.status_code == 401


def test_the_route_is_in_the_contract(client):
    operation = client.http.get("/openapi.json").json_body["paths"]["/uploads/photos"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/PhotoUploadRequest")
    assert "201" in operation["responses"]


def ask_for_receipt_form(client, account, body):
    return ask_for_form(client, account, body, path="/uploads/receipts")


def test_a_resident_gets_a_receipt_form_and_uploads_a_real_pdf_with_it(client, accounts, stack):
    resident = accounts["resident"]
    pdf = tiny_pdf()
    response = ask_for_receipt_form(client, resident, {"content_type": "application/pdf", "size_bytes": len(pdf)})
    assert response.status_code == 201, response.body
    form = response.json_body
    assert form["key"].startswith(f"uploads/receipts/{resident.user_id}/") and form["key"].endswith(".pdf")
    assert (form["max_bytes"], form["content_type"]) == (len(pdf), "application/pdf")
    assert response.headers["Cache-Control"] == "no-store"
    conditions = json.loads(base64.b64decode(form["fields"]["policy"]))["conditions"]
    assert ["content-length-range", 1, len(pdf)] in conditions and {"Content-Type": "application/pdf"} in conditions

    upload = requests.post(form["url"], data=form["fields"], files={"file": ("fapiao.pdf", pdf, "application/pdf")}, timeout=10)
    assert upload.status_code in (201, 204), upload.text
    head = s3(stack).head_object(Bucket=stack.attachments_bucket, Key=form["key"])
    assert (head["ContentType"], head["ContentLength"]) == ("application/pdf", len(pdf))

    from chalicelib.uploads.service import verify_photos, verify_receipts

    [ref] = verify_receipts(resident.user_id, [form["key"]])
    assert (ref.key, ref.content_type, ref.size_bytes) == (form["key"], "application/pdf", len(pdf))
    with pytest.raises(RuleViolationError):
        verify_receipts(accounts["other_resident"].user_id, [form["key"]])
    with pytest.raises(RuleViolationError):
        verify_photos(resident.user_id, [form["key"]])


@pytest.mark.parametrize("name", ["committee_staff", "street_official", "district_admin", "platform_admin"])
def test_officials_may_not_upload_receipts(client, accounts, name):
    response = ask_for_receipt_form(client, accounts[name], {"content_type": "application/pdf", "size_bytes": 1000})
    assert response.status_code == 403


# Like every body that fails its schema, these are 400 validation_failed; 422 is for
# well-formed requests a rule refuses (verify_receipts).
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"content_type": "text/plain", "size_bytes": 1000}, "content_type"),
        ({"content_type": "text/html", "size_bytes": 1000}, "content_type"),
        ({"content_type": "application/pdf", "size_bytes": 0}, "size_bytes"),
        ({"content_type": "application/pdf", "size_bytes": 10 * 1024 * 1024 + 1}, "size_bytes"),
        ({"content_type": "application/pdf", "size_bytes": 10, "key": "uploads/receipts/x/y.pdf"}, "key"),
    ],
)
def test_bad_receipt_requests_are_400_with_the_error_shape(client, accounts, body, field):
    response = ask_for_receipt_form(client, accounts["resident"], body)
    assert response.status_code == 400
    error = response.json_body
    assert error["code"] == "validation_failed"
    assert [d["field"] for d in error["details"]] == [field]
    assert all(d["message_zh"] for d in error["details"])


def test_no_token_for_a_receipt_is_401(client):
    assert ask_for_receipt_form(client, None, {"content_type": "application/pdf", "size_bytes": 1000}).status_code == 401


def test_the_receipt_route_is_in_the_contract(client):
    document = client.http.get("/openapi.json").json_body
    operation = document["paths"]["/uploads/receipts"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/ReceiptUploadRequest")
    assert operation["responses"]["201"]["content"]["application/json"]["schema"]["$ref"].endswith("/ReceiptUploadForm")
    content_types = document["components"]["schemas"]["ReceiptUploadRequest"]["properties"]["content_type"]["enum"]
    assert set(content_types) == {"image/jpeg", "image/png", "image/webp", "application/pdf"}
