"""Meetings (议事会 …), their decisions carried into projects, and residents' conventions."""
