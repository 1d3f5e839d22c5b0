"""The HTTP edge: parsing requests into models, the authorizer, error mapping, OpenAPI."""
