"""Personal data rights: a resident's export of their data and the erasure of their account."""
