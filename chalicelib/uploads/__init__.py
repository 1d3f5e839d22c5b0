"""Residents' photos and fund receipts: presigned direct uploads to the attachments bucket, and
the checks a submission runs on the uploads it references."""
