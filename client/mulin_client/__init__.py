
""" A client library for accessing Mulin 睦邻 API """
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
