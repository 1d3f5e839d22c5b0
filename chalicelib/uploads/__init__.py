"""Residents' photos: presigned direct uploads to the attachments bucket, and the checks a
submission runs on the photos it references."""
