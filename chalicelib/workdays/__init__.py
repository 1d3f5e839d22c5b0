"""The Chinese working-day calendar and the deadline arithmetic built on it."""
