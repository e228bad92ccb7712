"""Other names of a record (Interaction = Vzaimodeistvie), kept in a text column so the search index can read them."""

from django.utils.translation import gettext_lazy as _

from csto_portal.text import NOTE_LENGTH, BoundedTextField


def aliases_field() -> BoundedTextField:
    # A text column rather than an array: PostgreSQL's array_to_string is not immutable, so a generated search
    # vector cannot read an array.
    return BoundedTextField(
        _("other names"),
        max_length=NOTE_LENGTH,
        blank=True,
        help_text=_("Other names the sources use, one per line (Vzaimodeistvie-2019 for Interaction-2019)."),
    )


class Aliased:
    """Mixin for a model with an ``aliases`` field."""

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]
