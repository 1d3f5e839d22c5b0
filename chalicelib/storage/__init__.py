"""DynamoDB and S3 plumbing shared by every domain: the table definition, key builders,
item conversion and pagination cursors. Domain repositories build on these."""
