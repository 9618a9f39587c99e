"""Reports: JSON (the schema), Markdown, self-contained HTML, and the terminal digest."""

from storyline.report.json import digest_to_dict, write_json
from storyline.report.markdown import render_markdown
from storyline.report.html import render_html
from storyline.report.files import write_reports

__all__ = ["digest_to_dict", "write_json", "render_markdown", "render_html", "write_reports"]
