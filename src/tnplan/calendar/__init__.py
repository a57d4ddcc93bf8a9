"""Stage ``calendar``: Vietnamese dates, times, numbers and money, public holidays, working days.

The bottom of the pipeline: it imports nothing of tnplan, so every other stage may use it.
Modules: ``vi`` (parsing and writing dates, times, weekdays and money the Vietnamese way,
NFC text, sorting) and ``holidays`` (the lunar calendar, public holidays, working days).
"""
