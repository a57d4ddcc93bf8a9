"""Stage ``exchange``: other programs' formats, the units' forms and mail, next year's plan.

``export`` writes iCalendar, JSON and the JSON Schema; ``dashboard`` assembles the HTML
dashboard from ``track``'s data and a ``documents`` template; ``collect`` writes the Excel
forms units fill and reads them back (its problems worded by ``form_messages``); ``remind``
prepares and sends reminders by e-mail; ``rollover`` builds next year's plan from this
year's. May import every stage below it: ``plan``, ``calendar``, ``track`` and
``documents``; never the CLI.
"""
