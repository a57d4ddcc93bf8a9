"""tnplan: an agency's official event plan as YAML — checked, tracked and written out.

The package is a pipeline, one folder a stage, imports pointing only down it::

    calendar ← plan ← track, documents ← exchange ← cli

The stages return data and never print; ``tnplan.cli`` is the only layer that talks to a
terminal (Typer, and Rich for printing).
"""

__version__ = "0.1.0"
