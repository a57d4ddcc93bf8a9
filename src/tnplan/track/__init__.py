"""Stage ``track``: where a plan stands as of a date, for the terminal and the browser.

``schedule`` answers what is done, late and next as of a date (from ``plan.state``);
``views`` lays it out as Rich renderables (printing them is the CLI's job); ``year`` is the
year at a glance across plans; ``dashboard`` computes the dashboard's data (the page itself
is assembled in ``exchange.dashboard``). May import ``tnplan.plan`` and ``tnplan.calendar``;
never ``tnplan.documents``.
"""
