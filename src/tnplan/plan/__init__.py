"""Stage ``plan``: reading, typing and checking a plan file.

``load`` composes YAML nodes with their positions, ``schema`` turns them into the typed
``model``, ``check`` adds the rules across the plan (references, dates, programmes);
every finding is a ``problems.Problem`` worded by ``messages`` in Vietnamese or English.
May import ``tnplan.calendar`` only; it returns data and never prints.
"""
