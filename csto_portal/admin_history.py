"""The admin's history of a record: what each revision changed, row by row, and restoring or recovering a version
with everything it held (links, figures, participants, citations), checked as a form checks an edit."""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.models import Revision, Version

from csto_portal import history, restore


class HistoryAdmin(VersionAdmin):
    """django-reversion's admin, with the history read as changes and restores that check what they write."""

    object_history_template = "admin/portal_object_history.html"
    restore_template = "admin/portal_restore.html"
    history_latest_first = True

    def reversion_register(self, model, **kwargs):
        """Registration is ``history.register_all()``'s, once every admin is known."""

    def history_view(self, request, object_id, extra_context=None):
        record = self.get_object(request, unquote(object_id))
        if record is None or not self.has_view_or_change_permission(request, record):
            return super().history_view(request, object_id, extra_context)
        versions = list(
            Version.objects.get_for_object(record)
            .select_related("revision__user")
            .order_by("revision__date_created", "pk")
        )
        revisions = Revision.objects.filter(pk__in=[v.revision_id for v in versions]).prefetch_related("version_set")
        revisions = {revision.pk: revision for revision in revisions}
        snapshots = [history.revision_snapshot(revisions[v.revision_id], record) for v in versions]
        changes = history.diffs([{}, *snapshots], record)
        opts = self.model._meta
        actions = [
            {
                "revision": version.revision,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.pk),
                ),
                "changes": change,
            }
            for version, change in zip(versions, changes, strict=True)
        ]
        actions.reverse()  # the latest first
        context = {"action_list": actions, **(extra_context or {})}
        return super(VersionAdmin, self).history_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404(_("No such record: it may have been deleted; look under “Recover deleted” on its list."))
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        version = get_object_or_404(Version, pk=version_id, object_id=str(record.pk))
        title = _("Restore %(name)s as it was on %(date)s") % {
            "name": record,
            "date": localize(template_localtime(version.revision.date_created)),
        }
        return self._restore(request, record.pk, version, title, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(Version, pk=version_id)
        if self.model._base_manager.filter(pk=version.object_id).exists():
            messages.info(request, _("%(name)s is not deleted.") % {"name": version.object_repr})
            return redirect(self._change_url(version.object_id))
        title = _("Recover %(name)s") % {"name": version.object_repr}
        return self._restore(request, int(version.object_id), version, title, extra_context)

    def _restore(self, request, pk: int, version, title: str, extra_context):
        """The preview of what restoring ``version`` changes, and on POST the restore itself."""
        current = self.model._base_manager.filter(pk=pk).first()
        target = history.revision_snapshot(version.revision, current or self.model(pk=pk))
        before = history.snapshot(current) if current else {}
        if request.method == "POST" and "_restore" in request.POST:
            comment = _("Restored the version of %(date)s.") % {
                "date": localize(template_localtime(version.revision.date_created))
            }
            try:
                with reversion.create_revision():
                    reversion.set_user(request.user)
                    reversion.set_comment(comment)
                    restore.apply(self.model, pk, target)
            except ValidationError as error:
                messages.error(request, _("Not restored: %(reason)s") % {"reason": " ".join(error.messages)})
            else:
                messages.success(request, comment)
                return redirect(self._change_url(pk))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "version": version,
            "changes": history.diff(before, target, current or self.model(pk=pk)),
            "record": current,
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.restore_template, context)

    def _change_url(self, pk) -> str:
        opts = self.model._meta
        return reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[quote(pk)])
