"""The one logger and metrics namespace of the platform (Powertools), wired into the app once.

Logs are structured JSON with the request's correlation id. Nothing personal is logged:
callers log identifiers and codes, never names, phone numbers or free text.

Tracing (X-Ray) is off unless MULIN_TRACING=on: importing the X-Ray SDK costs about
270 ms of cold start on every function, and it needs `aws-lambda-powertools[tracer]` in
the bundle.
"""

from __future__ import annotations

import os
import warnings
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit

# Most requests record no metric; Powertools would warn about that on each of them.
warnings.filterwarnings("ignore", message="No application metrics to publish")

logger = Logger(service="mulin")
metrics = Metrics(namespace="Mulin", service="mulin")


def count(name: str, value: int = 1) -> None:
    metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)


def count_for(name: str, value: int, dimension: str, dimension_value: str) -> None:
    """A count with a dimension of its own (e.g. per street), printed at once as its own EMF
    line: the shared `metrics` object has one set of dimensions for everything it flushes."""
    from aws_lambda_powertools.metrics import single_metric

    with single_metric(name=name, unit=MetricUnit.Count, value=value, namespace=metrics.namespace,
                       default_dimensions={"service": "mulin"}) as metric:
        metric.add_dimension(name=dimension, value=dimension_value)


def instrument(app: Any) -> None:
    """Register logging, metrics and (if switched on) tracing as middleware on `app`."""
    from chalice.app import ConvertToMiddleware

    app.register_middleware(ConvertToMiddleware(logger.inject_lambda_context), "all")
    app.register_middleware(ConvertToMiddleware(metrics.log_metrics), "all")
    if os.environ.get("MULIN_TRACING") == "on":
        from aws_lambda_powertools import Tracer

        app.register_middleware(ConvertToMiddleware(Tracer(service="mulin").capture_lambda_handler), "all")
