from django import forms
from django.utils.translation import gettext_lazy as _

from csto_portal.filters import CodeChoiceField, YearField, YearRangeForm
from csto_portal.models import Area
from csto_portal.site.timeline import CATEGORIES


class TimelineForm(YearRangeForm):
    """Filters of the timeline; a bad value makes the form invalid and the page answers 400."""

    year_from = YearField(label=_("From year"), required=False)
    year_to = YearField(label=_("To year"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *CATEGORIES.items()])
    area = CodeChoiceField(
        label=_("Area"), required=False, queryset=Area.objects.all(), to_field_name="slug", empty_label=_("All areas")
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False, strip=True)
