"""Live aggregates: counters kept from the main table's stream, and the index read over them."""
