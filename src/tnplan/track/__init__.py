"""Stage ``track``: where a plan stands as of a date, for the terminal and the browser.

``schedule`` answers what is done, late and next as of a date; ``views`` lays it out as
Rich renderables (printing them is the CLI's job); ``dashboard`` writes the HTML page.
May import ``tnplan.plan`` and ``tnplan.calendar``; never ``tnplan.documents``.
"""
