"""``python -m pscatalog``: the command line."""

from pscatalog.cli.main import main

main()
