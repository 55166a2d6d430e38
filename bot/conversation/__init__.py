"""The conversation: the case it builds, what a message tells, and the next move."""
