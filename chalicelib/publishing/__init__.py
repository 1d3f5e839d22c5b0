"""The monthly publication: what committees and streets show the public about their neighbourhoods."""
