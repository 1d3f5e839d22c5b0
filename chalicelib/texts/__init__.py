"""Residents told by SMS of the decisions on their cases: the sender on the notifications topic."""
