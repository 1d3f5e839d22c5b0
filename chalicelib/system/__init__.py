"""Platform-level routes: health, the API contract, and who the caller is."""
