"""Template helpers shared by every page: partial dates as <time> elements and date periods."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from csto_portal.dates import PartialDate

register = template.Library()


@register.filter
def as_time(value: PartialDate | None):
    """``<time datetime="2006-06">June 2006</time>``: machine-readable at the precision known."""
    if value is None:
        return ""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), value)


@register.simple_tag
def period(start: PartialDate | None, end: PartialDate | None):
    """A span of dates: "20 May 2010 – 21 May 2010", or one date when start and end agree or end is unknown."""
    if start is None and end is None:
        return "date not known"
    if end is None or end == start:
        return as_time(start)
    if start is None:
        return format_html("until {}", as_time(end))
    return format_html("{} – {}", as_time(start), as_time(end))


@register.simple_tag
def admin_change_url(record) -> str:
    """Where an editor changes ``record`` in the admin."""
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


@register.filter
def split(value: str, separator: str = "|") -> list[str]:
    """``"Name|Kind"|split``: the parts of a string, as a page hands a table's column headings to an include."""
    return str(value).split(separator)


class CaptureNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        context[self.name] = self.nodelist.render(context)
        return ""


@register.tag
def capture(parser, token):
    """``{% capture caption %}…{% endcapture %}``: renders its body into the variable ``caption`` instead of the page,
    for a text with logic or markup in it (a caption that depends on the filters) that an include is to show."""
    try:
        _, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("{% capture %} takes the name of the variable to fill") from None
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, name)
