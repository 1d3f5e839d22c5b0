"""Messages to residents and officials: an in-app inbox, and an SNS publish of each new message."""
