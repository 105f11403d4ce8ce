"""The tools beyond checking: the formatter, fixes, import, and diffs between versions."""
