"""Checking a catalog: the schema, the rules engine, suppressions, configuration, baselines."""
