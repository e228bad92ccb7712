"""Long text of a length a reader takes in at a glance, bounded on every path: forms, the API, the loader and the
database."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

# About 300 words: a summary in the portal's own words, not a source's text. The longest in the dataset is 863.
SUMMARY_LENGTH = 2000
# A note on one fact, or a list of other names.
NOTE_LENGTH = 1000


class BoundedTextField(models.TextField):
    """A ``TextField`` whose ``max_length`` binds the model and the database as well as the form's widget (Django's
    own binds only the widget), as a ``CharField``'s does, without a fixed-width column.

    The database's rule is a check constraint the field adds to its model, named
    ``<app>_<model>_<field>_length``; Django's column checks cannot be added to an existing column.
    """

    def __init__(self, *args, max_length: int, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(MaxLengthValidator(max_length))

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            cls._meta.constraints.append(
                models.CheckConstraint(
                    condition=LessThanOrEqual(Length(name), self.max_length),
                    name=f"{cls._meta.app_label}_{cls._meta.model_name}_{name}_length",
                    violation_error_message=_("Keep it to %(max_length)s characters.")
                    % {"max_length": self.max_length},
                )
            )
            # Migrations read a model's constraints only when its Meta declared some.
            cls._meta.original_attrs["constraints"] = cls._meta.constraints
