"""Stage ``documents``: the official documents (kế hoạch, giấy mời, kịch bản, báo cáo).

``render`` fills the Jinja2 templates from the plan and writes Markdown, HTML, Word or PDF;
``escape`` makes every value a template prints safe for its format; ``template_errors`` says
Jinja2's errors in the language of the run; ``docx_writer`` turns the Word templates' block
language into a .docx file; ``pdf`` converts Word files to PDF/A with LibreOffice headless, a
hundred files a run; ``merge`` fills each invitee's copy of a Word invitation built once;
``files`` is the one safe writer of
every output (no overwrite without ``--force``, never over a plan that was read, whole or
absent). May import ``tnplan.plan`` and ``tnplan.calendar``; never ``tnplan.track``.
"""
