"""Messages to residents: an in-app inbox, and an SNS publish of each new message."""
