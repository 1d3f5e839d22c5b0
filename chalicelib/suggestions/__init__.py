"""People's suggestions (人民建议征集): submission, review, deadlines, reply and rating."""
