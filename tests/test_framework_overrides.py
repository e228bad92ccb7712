"""Canaries for the places where the portal replaces or reaches into a framework's private code.

Each such place is listed here with a fingerprint of the upstream code it relies on. When an upgrade changes
that code, its canary fails: read the upstream change, check that the override still does what the upstream
code now does, then record the new fingerprint. A new override of a private method fails the first test until
it is listed here with the reason it exists.
"""

import functools
import hashlib
import importlib
import inspect
import textwrap

import pytest
from django.utils.functional import cached_property

from tests.test_architecture import MODULES

# (upstream class, attribute): (sha256 of its source, where the portal overrides or uses it, and why)
OVERRIDES = {
    ("django.db.models.base.Model", "_get_FIELD_display"): (
        "61b4ca53965433963c0b45b9e41071e58b8b704f2874806131e67c794bab6ed5",
        "csto_portal.models.ChoiceLabels: choice labels from a dict made once per field, a tenth of a list page",
    ),
    ("rest_framework.serializers.Serializer", "_readable_fields"): (
        "1eaecbb3bb21e984128a6a0c0614863e3dff525d0a52afcef0527c801e307270",
        "csto_portal.api.serializers.ReadableFieldsOnce: the field list made once per serializer, not per row",
    ),
    ("django.contrib.admin.options.ModelAdmin", "_create_formsets"): (
        "99db8f4770827f0015d46ea2da2a313cba06b8efef1be985f6aae5b8989b29d2",
        "csto_portal.admin.CitedAdmin: the citation rows are checked against the facts of the other inlines",
    ),
    ("django.forms.models.BaseModelForm", "_get_validation_exclusions"): (
        "2a87aeffe53c4a52e7327effb5551b866c2676eb5235f080aa1296e341d0013c",
        "csto_portal.admin_forms.PartialDateModelForm: constraints on a partial date's two columns are checked",
    ),
    ("django.forms.models.BaseModelForm", "_post_clean"): (
        "6132285471f3d316fe4808b31dbcfef2e8918431966d5e54e18fd96d2b0a7f15",
        "csto_portal.admin_forms.PartialDateModelForm: partial dates are set on the instance before validation",
    ),
    ("django.forms.models.BaseModelForm", "_update_errors"): (
        "f39f8dcf980bc61c99d2dad292adfc19fa48210dffc116e0be2760effec25a82",
        "csto_portal.admin_forms.PartialDateModelForm: a model error on a date column lands on its form field",
    ),
}
# Private code the portal calls rather than overrides.
USES = {
    ("pgserver.postgres_server.PostgresServer", "_cleanup"): (
        "744fe875b1ca38cc63c645e3b2bc9ca1ec10ad98187c83be3b18c725c97e6344",
        "csto_portal.embedded_db._forget_dead_processes takes the server's _lock and edits the list of attached "
        "processes as _cleanup does",
    ),
}
PROJECT = ("csto_portal", "organs", "treaties", "operations", "bench")


def upstream(qualname: str, attribute: str):
    module, _, name = qualname.rpartition(".")
    return vars(getattr(importlib.import_module(module), name))[attribute]


def fingerprint(code) -> str:
    if isinstance(code, property):
        code = code.fget
    elif isinstance(code, cached_property | functools.cached_property):
        code = code.func
    return hashlib.sha256(textwrap.dedent(inspect.getsource(code)).encode()).hexdigest()


def is_code(value) -> bool:
    return inspect.isfunction(value) or isinstance(value, property | cached_property | functools.cached_property)


def private_overrides() -> set[tuple[str, str]]:
    """(upstream class, attribute) for every private method of a framework class that a project class replaces."""
    found = set()
    # The benchmark's modules need its own extra packages, and it overrides nothing.
    for name in (name for name in MODULES if not name.startswith("bench")):
        module = importlib.import_module(name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != name:
                continue
            for index, own in enumerate(cls.__mro__):
                if not own.__module__.startswith(PROJECT):
                    continue
                for attribute, value in vars(own).items():
                    # Dunders are public protocol, and _sunder_ names are the enum machinery's own.
                    private = attribute.startswith("_") and not attribute.endswith("_")
                    if not private or not is_code(value):
                        continue
                    for base in cls.__mro__[index + 1 :]:
                        if not base.__module__.startswith(PROJECT) and attribute in vars(base):
                            found.add((f"{base.__module__}.{base.__qualname__}", attribute))
                            break
    return found


def test_every_override_of_private_framework_code_is_listed():
    assert private_overrides() == set(OVERRIDES)


@pytest.mark.parametrize(("qualname", "attribute"), [*OVERRIDES, *USES], ids=lambda part: part)
def test_the_upstream_code_is_unchanged(qualname, attribute):
    expected, where = {**OVERRIDES, **USES}[(qualname, attribute)]
    assert fingerprint(upstream(qualname, attribute)) == expected, (
        f"{qualname}.{attribute} changed upstream; check {where}"
    )
