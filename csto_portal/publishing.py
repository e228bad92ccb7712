"""Drafts: records an editor has entered but a reviewer has not yet published.

A publishable model has two managers. ``objects``, which every public page, API read, search, feed and
sitemap uses, holds published records only, so a draft cannot leak through a query someone forgets to
filter. ``all_objects``, the model's default manager, holds drafts too: the admin, forms, uniqueness checks,
the loader and editors' previews use it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


def publishable_managers(queryset_class):
    """The pair of managers a publishable model declares: (published only, everything)."""

    class PublishedManager(models.Manager.from_queryset(queryset_class)):
        def get_queryset(self):
            return super().get_queryset().filter(draft=False)

    return PublishedManager(), queryset_class.as_manager()


class Publishable(models.Model):
    """A record that can wait as a draft until someone allowed to publish it does so."""

    draft = models.BooleanField(
        _("unpublished draft"),
        default=False,
        help_text=_(
            "A draft is hidden from the public site and the public API until a reviewer publishes it; "
            "editors see it and can preview its page."
        ),
    )

    class Meta:
        abstract = True


def publish_permission(model) -> str:
    """The permission (``app.publish_model``) that lets a user publish or unpublish ``model``'s records."""
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def can_publish(user, model) -> bool:
    return user.has_perm(publish_permission(model))


def may_see_drafts(user, model) -> bool:
    """Editors and reviewers (anyone the admin lets view the records: view or change) see drafts; readers never do."""
    opts = model._meta
    return user.is_authenticated and (
        user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        or user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    )


def visible_to(user, model):
    """The manager whose records ``user`` may read: drafts included for those who may edit them."""
    return model.all_objects if may_see_drafts(user, model) else model.objects


def is_publishable(model) -> bool:
    return issubclass(model, Publishable)


def created_by(record):
    """The id of the user who added ``record``, from its first version in the history (None if unknown)."""
    from reversion.models import Version

    first = Version.objects.get_for_object(record).order_by("revision__date_created", "pk")
    return first.values_list("revision__user_id", flat=True).first()


def may_delete(user, record) -> bool:
    """Reviewers delete any record they hold the permission for; an editor deletes only a draft they added
    themselves, so that a mistake is theirs to undo and a published record stays with the reviewers."""
    opts = record._meta
    if not user.has_perm(f"{opts.app_label}.delete_{opts.model_name}"):
        return False
    if not is_publishable(type(record)) or can_publish(user, type(record)):
        return True
    return record.draft and created_by(record) == user.pk
