"""Officials' cross-domain review queues: funds and rounds across a jurisdiction, and counts."""
