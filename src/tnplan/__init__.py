"""tnplan: an agency's official event plan as YAML — checked, tracked and written out.

The core (``load``, ``model``, ``check``, ``schedule``, ``render``, ``export``) returns data
and never prints; ``tnplan.cli`` is the only layer that talks to a terminal.
"""

__version__ = "0.1.0"
