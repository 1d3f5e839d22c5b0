from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.receipt_upload_request_content_type import ReceiptUploadRequestContentType






T = TypeVar("T", bound="ReceiptUploadRequest")



@_attrs_define
class ReceiptUploadRequest:
    """ 
        Attributes:
            content_type (ReceiptUploadRequestContentType): image/jpeg, image/png, image/webp or application/pdf
            size_bytes (int): size of the file to upload, in bytes
     """

    content_type: ReceiptUploadRequestContentType
    size_bytes: int





    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type.value

        size_bytes = self.size_bytes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "content_type": content_type,
            "size_bytes": size_bytes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = ReceiptUploadRequestContentType(d.pop("content_type"))




        size_bytes = d.pop("size_bytes")

        receipt_upload_request = cls(
            content_type=content_type,
            size_bytes=size_bytes,
        )

        return receipt_upload_request

