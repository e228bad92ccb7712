from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from csto_portal.models import Area
from csto_portal.timeline import CATEGORIES

YEAR_RANGE = [MinValueValidator(1900), MaxValueValidator(2100)]


class TimelineForm(forms.Form):
    """Filters of the timeline; a bad value makes the form invalid and the page answers 400."""

    year_from = forms.IntegerField(label=_("From year"), required=False, validators=YEAR_RANGE)
    year_to = forms.IntegerField(label=_("To year"), required=False, validators=YEAR_RANGE)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *CATEGORIES.items()])
    area = forms.ModelChoiceField(
        label=_("Area"), required=False, queryset=Area.objects.all(), to_field_name="slug", empty_label=_("All areas")
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The end year is before the start year."))
        return cleaned


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False, strip=True)
