from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.receipt_upload_form_content_type import ReceiptUploadFormContentType
from typing import cast

if TYPE_CHECKING:
  from ..models.receipt_upload_form_fields import ReceiptUploadFormFields





T = TypeVar("T", bound="ReceiptUploadForm")



@_attrs_define
class ReceiptUploadForm:
    """ POST `fields` and then the file (as the last part, named `file`) to `url` as multipart/form-data.

        Attributes:
            key (str): the upload's key; a submission references the file by it
            url (str):
            fields (ReceiptUploadFormFields): form fields to send unchanged before the file
            expires_at (str): UTC ISO-8601; the form is refused after this
            max_bytes (int):
            content_type (ReceiptUploadFormContentType):
     """

    key: str
    url: str
    fields: ReceiptUploadFormFields
    expires_at: str
    max_bytes: int
    content_type: ReceiptUploadFormContentType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.receipt_upload_form_fields import ReceiptUploadFormFields # noqa: PLC0415
        key = self.key

        url = self.url

        fields = self.fields.to_dict()

        expires_at = self.expires_at

        max_bytes = self.max_bytes

        content_type = self.content_type.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key": key,
            "url": url,
            "fields": fields,
            "expires_at": expires_at,
            "max_bytes": max_bytes,
            "content_type": content_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receipt_upload_form_fields import ReceiptUploadFormFields # noqa: PLC0415
        d = dict(src_dict)
        key = d.pop("key")

        url = d.pop("url")

        fields = ReceiptUploadFormFields.from_dict(d.pop("fields"))




        expires_at = d.pop("expires_at")

        max_bytes = d.pop("max_bytes")

        content_type = ReceiptUploadFormContentType(d.pop("content_type"))




        receipt_upload_form = cls(
            key=key,
            url=url,
            fields=fields,
            expires_at=expires_at,
            max_bytes=max_bytes,
            content_type=content_type,
        )


        receipt_upload_form.additional_properties = d
        return receipt_upload_form

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
