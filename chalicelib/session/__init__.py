"""The browser's session: the refresh token kept in an HttpOnly cookie, out of script's reach."""
