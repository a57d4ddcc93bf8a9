"""``python -m tnplan``: the same as the ``tnplan`` command."""

from tnplan.cli import main

main()
