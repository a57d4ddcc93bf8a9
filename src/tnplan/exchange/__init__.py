"""Stage ``exchange``: other programs' formats and next year's plan.

``export`` writes iCalendar, JSON and the JSON Schema; ``rollover`` builds next year's plan
from this year's. May import every stage below it: ``plan``, ``calendar``, ``track`` and
``documents``; never the CLI.
"""
