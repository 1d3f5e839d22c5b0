"""Wiring only: the Chalice app, its middleware and its blueprints."""

from chalice import Chalice

from chalicelib.divisions.routes import divisions_api
from chalicelib.observability import instrument
from chalicelib.system.routes import system_api
from chalicelib.web.authorizer import authorizer_blueprint
from chalicelib.web.middleware import handle_errors

# Powertools formats the logs; Chalice's own handler would print every line twice.
app = Chalice(app_name="mulin", configure_logs=False)

instrument(app)
app.register_middleware(handle_errors, "http")

app.register_blueprint(authorizer_blueprint)
app.register_blueprint(system_api)
app.register_blueprint(divisions_api)
