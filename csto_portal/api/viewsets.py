"""The one shape of every API resource: a list of rows, full records, and writes answered with the full record.

A resource's viewset names its model, its FilterSet and its serializers, and the two querysets it reads through
where they are not the model's ``for_list()`` and ``for_display()``;
everything else (which serializer and queryset an action uses, drafts, ``Last-Modified``, the answer to a write
and how the schema documents it) is here, once.
"""

from contextlib import contextmanager

import reversion
from drf_spectacular.openapi import AutoSchema
from rest_framework import status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from csto_portal.api.base import LastModifiedMixin
from csto_portal.publishing import is_publishable, may_delete, visible_to

WRITES = frozenset({"create", "update", "partial_update"})


class RecordSchema(AutoSchema):
    """A write is documented as it works: its request is the write serializer, its response the full record."""

    def get_response_serializers(self):
        if self.view.action in WRITES:
            return self.view.serializer_class
        return super().get_response_serializers()


class RecordViewSet(LastModifiedMixin, viewsets.ModelViewSet):
    """A resource of ``model``: ``list_serializer_class`` rows over ``list_queryset()``, ``serializer_class`` records
    over ``record_queryset()``, and writes in ``write_serializer_class`` (the record's own serializer when the
    resource declares none), answered with the record read again through ``record_queryset()``, so that a script
    gets exactly what a GET of the record returns next."""

    model = None
    lookup_field = "slug"
    list_serializer_class = None
    serializer_class = None
    write_serializer_class = None
    schema = RecordSchema()

    def list_queryset(self):
        """The list's rows, with what the list serializer reads joined or prefetched (the model's ``for_list()``)."""
        return self.visible().for_list()

    def record_queryset(self):
        """The records, with everything the record serializer nests (the model's ``for_display()``); a GET and a
        write's answer both read it."""
        return self.visible().for_display()

    def visible(self):
        """The manager of the records this request may read: drafts only for those who may edit them."""
        if not is_publishable(self.model):
            return self.model.objects
        if self.action in WRITES:
            # A writer is answered with what they saved, draft or not.
            return self.model.all_objects
        return visible_to(self.request.user, self.model)

    def get_queryset(self):
        if self.action == "list":
            return self.list_queryset()
        if self.action == "retrieve":
            return self.record_queryset()
        # An update or a delete needs the record alone: an update's answer reads it again, joins and all.
        return self.visible().all()

    def get_serializer_class(self):
        if self.action == "list":
            return self.list_serializer_class
        if self.action in WRITES:
            return self.write_serializer_class or self.serializer_class
        return self.serializer_class

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        data = self.answer(serializer.instance)
        return Response(data, status=status.HTTP_201_CREATED, headers=self.get_success_headers(data))

    def update(self, request, *args, **kwargs):
        serializer = self.get_serializer(self.get_object(), data=request.data, partial=kwargs.pop("partial", False))
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return Response(self.answer(serializer.instance))

    @contextmanager
    def revision(self, comment: str):
        """One revision in the record's history for the write, with the token's user (DRF authenticates after the
        middleware, so reversion's own cannot see them)."""
        with reversion.create_revision():
            reversion.set_user(self.request.user)
            reversion.set_comment(comment)
            yield

    def perform_create(self, serializer):
        with self.revision("Added through the API."):
            super().perform_create(serializer)

    def perform_update(self, serializer):
        with self.revision("Changed through the API."):
            super().perform_update(serializer)

    def perform_destroy(self, instance):
        if not may_delete(self.request.user, instance):
            raise PermissionDenied(
                "Only a reviewer deletes a published record or another editor's draft; an editor may delete a draft "
                "they added themselves."
            )
        with self.revision("Deleted through the API."):
            super().perform_destroy(instance)

    def answer(self, instance):
        """The record just written, as a GET of it shows it."""
        record = self.record_queryset().get(pk=instance.pk)
        return self.serializer_class(record, context=self.get_serializer_context()).data
