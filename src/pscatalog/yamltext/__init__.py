"""The YAML text layer: the one place that reads and writes YAML text.

It owns what a line break is, how a plain scalar resolves (YAML 1.2 core, and
how YAML 1.1 readers read it), how a string is quoted, how data is emitted,
and where every node and comment stands in a text. Nothing else in pscatalog
splits lines of YAML or decides quoting.
"""
