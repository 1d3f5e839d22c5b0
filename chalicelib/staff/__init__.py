"""Officials' accounts: created, listed, disabled, moved and reset by the officials above them."""
