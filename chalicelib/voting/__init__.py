"""Participatory budgeting (社区微更新): rounds, proposals, ballots, tally and implementation."""
