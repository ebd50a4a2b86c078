"""`briefpdf import`: a front end beside the CLI that turns a Word (.docx), Markdown or
plain-text briefing into a briefing YAML file.

Each reader (docx.py, markdown.py, text.py) turns its format into one neutral run of
blocks (blocks.py); one assembler (assemble.py) decides the title, kind, sections, link
lists and feedback for every format alike; one writer (writer.py) prints the YAML.
"""
