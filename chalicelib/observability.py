"""The one logger and metrics namespace of the platform (Powertools).

Logs are structured JSON with the request's correlation id. Nothing personal is logged:
callers log identifiers and codes, never names, phone numbers or free text.
"""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics

logger = Logger(service="mulin")
metrics = Metrics(namespace="Mulin", service="mulin")
