"""Stage ``plan``: reading, typing and checking a plan file, and its state as of a date.

``load`` composes YAML nodes with their positions (``yaml_errors`` explains libyaml's
problems with their fix), ``schema`` turns them into the typed ``model``, ``check`` adds the
rules across the plan (references, dates, programmes, groups); ``results`` reads the units'
results files beside the plan; ``state`` answers what the state of any item was on a given
day, for every view and document. Every finding is a ``problems.Problem`` worded by
``messages`` in Vietnamese or English (``field_words`` suggests the field a Vietnamese word
meant). May import ``tnplan.calendar`` only; it returns data and never prints.
"""
