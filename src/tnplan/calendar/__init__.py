"""Stage ``calendar``: Vietnamese dates, times, numbers and text; public holidays, working days.

The bottom of the pipeline: it imports nothing of tnplan, so every other stage may use it.
Modules: ``vi`` (parsing and writing dates, times, weekdays and money the Vietnamese way,
NFC text, sorting), ``holidays`` (the lunar calendar, public holidays, the government's day
swaps, working days) and ``markup`` (plan text escaped for each output format: Markdown,
Word's block language, HTML, one-line messages).
"""
