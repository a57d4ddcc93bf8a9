"""Stage ``documents``: the official documents (kế hoạch, giấy mời, kịch bản, báo cáo).

``render`` fills the Jinja2 templates from the plan and writes Markdown, HTML or Word;
``docx_writer`` turns the Word templates' block language into a .docx file.
May import ``tnplan.plan`` and ``tnplan.calendar``; never ``tnplan.track``.
"""
