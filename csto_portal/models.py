"""What every record shares: timestamps and provenance; the areas of activity that tag records."""

from functools import cache

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from csto_portal.dates import PartialDateAttribute, partial_date_constraint, partial_date_fields
from csto_portal.provenance import citable_attributes
from csto_portal.text import NOTE_LENGTH, SUMMARY_LENGTH, BoundedTextField


@cache
def _choice_labels(field) -> dict:
    return dict(make_hashable(field.flatchoices))


class ChoiceLabels:
    """``get_<field>_display()`` read from a dict made once per field.

    Django rebuilds the field's dict of choices on each call, and a list page calls it hundreds of times (a
    tenth of the page's work); choices are fixed in code, so one dict per field and process gives the same
    label. The lookup itself is Django's.
    """

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(make_hashable(value), value), strings_only=True)


class Record(ChoiceLabels, models.Model):
    """Base of every record the portal publishes: when it was made and changed, and where its facts come from."""

    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    citations = GenericRelation("csto_portal.Citation")

    class Meta:
        abstract = True


class Relation(Record):
    """How one record stands to another of the same model: ``source`` ``kind`` ``target``, once each, never a record
    to itself. A relation model declares the two foreign keys and its ``kind`` choices."""

    class Meta:
        abstract = True
        ordering = ["source", "kind", "target", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "target"], name="%(app_label)s_%(class)s_unique"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="%(app_label)s_%(class)s_not_self",
                violation_error_message=_("A record cannot be related to itself."),
            ),
        ]

    def __str__(self):
        return f"{self.source} {self.get_kind_display()} {self.target}"


class SourceKind(models.TextChoices):
    ARTICLE = "article", _("article")
    NEWS = "news", _("news report")
    OFFICIAL = "official", _("official publication")
    REFERENCE = "reference", _("reference work")
    BOOK = "book", _("book")
    WEB_PAGE = "web_page", _("web page")


class Source(ChoiceLabels, models.Model):
    """A document the portal's facts are taken from."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    title = models.CharField(_("title"), max_length=300)
    author = models.CharField(_("author"), max_length=200, blank=True)
    translator = models.CharField(_("translator"), max_length=200, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_date, published_precision = partial_date_fields(_("published"))
    url = models.URLField(_("URL"), max_length=500, blank=True)
    consulted = models.DateField(_("consulted"), null=True, blank=True, help_text=_("When the portal last read it."))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    published = PartialDateAttribute()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["title", "pk"]
        constraints = [partial_date_constraint("published")]

    def __str__(self):
        return f"{self.author}, {self.title}" if self.author else self.title


class Citation(ChoiceLabels, models.Model):
    """A record's claim to a source, with the place in it (section, page).

    A citation can back one attribute of the record (``field``) and say what
    that source states there (``claim``). Where sources disagree, each keeps
    its own citation and the one the record follows is marked ``preferred``.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("record type"))
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    source = models.ForeignKey(
        "csto_portal.Source", on_delete=models.PROTECT, related_name="citations", verbose_name=_("source")
    )
    locator = models.CharField(
        _("locator"), max_length=200, blank=True, help_text=_("Where in the source: section heading, page or row.")
    )
    field = models.CharField(
        _("attribute"),
        max_length=50,
        blank=True,
        help_text=_("The attribute of the record this citation backs (e.g. start); blank for the record as a whole."),
    )
    claim = models.CharField(
        _("claim"),
        max_length=200,
        blank=True,
        help_text=_("What this source states for that attribute, when recording a disagreement."),
    )
    preferred = models.BooleanField(
        _("preferred"), default=False, help_text=_("Where sources disagree, the one the record follows.")
    )
    note = BoundedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["content_type", "object_id", "-preferred", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="csto_portal_citation_record")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "source", "field", "locator"],
                name="%(app_label)s_%(class)s_unique_locator",
                violation_error_message=_("This record already cites that place in that source."),
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field"],
                condition=Q(preferred=True),
                name="%(app_label)s_%(class)s_one_preferred",
                violation_error_message=_("Only one citation per attribute can be the preferred one."),
            ),
            models.CheckConstraint(
                condition=Q(claim="") | ~Q(field=""),
                name="%(app_label)s_%(class)s_claim_needs_field",
                violation_error_message=_("Say which attribute a claim is about."),
            ),
        ]

    def __str__(self):
        return f"{self.source}, {self.locator}" if self.locator else str(self.source)

    def clean(self):
        errors = {}
        model = self.content_type.model_class() if self.content_type_id else None
        if self.field and model is not None:
            attributes = citable_attributes(model)
            if self.field not in attributes:
                errors["field"] = _(
                    "%(model)s records have no attribute “%(field)s”: choose one of %(names)s, or leave it blank "
                    "when the citation backs the record as a whole."
                ) % {"model": capfirst(model._meta.verbose_name), "field": self.field, "names": ", ".join(attributes)}
        if not self.locator and self.source_id and not self.source.url:
            errors["locator"] = _("This source has no URL: say where in it the fact stands (section, page or row).")
        if errors:
            raise ValidationError(errors)


class Area(Record):
    """An area of activity (military co-operation, anti-drug …) that tags organs, instruments and operations."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Order in lists."))

    class Meta:
        verbose_name = _("area of activity")
        verbose_name_plural = _("areas of activity")
        ordering = ["position", "name", "pk"]
        indexes = [models.Index(fields=["position", "name", "id"], name="csto_portal_area_order")]  # default ordering

    def __str__(self):
        return self.name


class AreaTask(Record):
    """One of the tasks listed under an area of activity."""

    area = models.ForeignKey("csto_portal.Area", on_delete=models.CASCADE, related_name="tasks", verbose_name=_("area"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = BoundedTextField(_("task"), max_length=SUMMARY_LENGTH)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["area", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["area", "position"], name="%(app_label)s_%(class)s_unique_position")
        ]

    def __str__(self):
        return self.text[:80]


class DataVersion(models.Model):
    """A number that grows whenever any record changes; cached pages are kept under it (one row, ``id`` 1).

    A database trigger on every records' table bumps it (``csto_portal.data_version``), so that it changes in the
    same transaction as the data, whatever made the change.
    """

    value = models.BigIntegerField(_("value"))

    class Meta:
        verbose_name = _("data version")
        # Maintained by the database alone: no one is given permission to edit it.
        default_permissions = ()

    def __str__(self):
        return str(self.value)
