"""Everything the Lambda function runs. Nothing here touches AWS at import time."""
