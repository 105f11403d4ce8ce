"""Files: where catalog texts come from (disk, memory, git) and the one checked writer."""
