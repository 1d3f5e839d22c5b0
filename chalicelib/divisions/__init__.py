"""The Shanghai division registry: districts, streets and towns, committees."""
