"""Autonomy funds (自治金): yearly pools per committee, applications, public notice, the ledger."""
