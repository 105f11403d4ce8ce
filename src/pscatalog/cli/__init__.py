"""The ``pscatalog`` command line: the top of the house, thin commands over the API."""
