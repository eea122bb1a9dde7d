"""Listing adapters, one module per CMS family.

Each module defines ``FAMILY`` and three pure functions over a :class:`ListingPage`:
``detect(page) -> bool``, ``links(page) -> list[Link]`` and
``next_pages(page) -> list[PageRequest]``. Adding a family is adding a module here.

Families whose later pages come from an API (Fujian's search, Hanweb's dataproxy, gkmlpt)
return ``PageRequest(kind="api")`` and define ``links_from_reply(url, text)`` and
``next_from_reply(url, text)``, which the spider calls on the JSON/XML reply instead.
Link kinds: report, attachment (a report file), listing (a sub-column), other (not fetched).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from giar_crawler.listings.base import Link, ListingPage, PageRequest

__all__ = ["Link", "ListingPage", "PageRequest", "adapter_for", "detect_family"]

_NOT_ADAPTERS = {"base"}


def _modules() -> list[ModuleType]:
    names = sorted(
        m.name for m in pkgutil.iter_modules(__path__) if m.name not in _NOT_ADAPTERS
    )
    mods = [importlib.import_module(f"{__name__}.{n}") for n in names]
    # The generic adapter is the fallback: test it last.
    return sorted(mods, key=lambda m: m.FAMILY == "generic")


def adapter_for(family: str | None) -> ModuleType | None:
    for mod in _modules():
        if family == mod.FAMILY:
            return mod
    return None


def detect_family(page: ListingPage) -> ModuleType:
    """The first adapter whose tells match the page; generic otherwise."""
    for mod in _modules():
        if mod.detect(page):
            return mod
    raise AssertionError("the generic adapter always matches")
