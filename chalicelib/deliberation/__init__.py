"""Deliberation (睦邻议事厅): topics, supports, comments, moderation and each topic's path."""
