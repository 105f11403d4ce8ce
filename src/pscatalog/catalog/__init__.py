"""The catalog model: its files, the packaged schemas, and levels, categories, offerings."""
