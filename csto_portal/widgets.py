"""Form widgets shared by the portal's forms."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """Django's select with the same markup, its options written in Python.

    Django renders every option through the template engine; a list's filters offer some 150 options (states,
    series, areas, kinds, orderings), and rendering them that way cost more than all the rest of the page.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for label, options, _index in widget["optgroups"]:
            rows = ((option["value"], flatatt(option["attrs"]), option["label"]) for option in options)
            rendered = format_html_join("\n", '<option value="{}"{}>{}</option>', rows)
            groups.append(format_html('<optgroup label="{}">{}</optgroup>', label, rendered) if label else rendered)
        options = mark_safe("\n".join(groups))
        return format_html('<select name="{}"{}>\n{}\n</select>', widget["name"], flatatt(widget["attrs"]), options)
