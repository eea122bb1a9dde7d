"""The portal registry: which portals to crawl, where their report listings are."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

COLUMNS = [
    "name",
    "division_code",
    "province",
    "city",
    "county",
    "level",
    "listing_urls",
    "home_url",
    "cms",
    "needs_browser",
    "source",
]
LEVELS = ("province", "city", "county", "township", "department")


@dataclass(frozen=True)
class PortalRow:
    name: str
    province: str
    level: str
    listing_urls: tuple[str, ...] = ()
    home_url: str = ""
    division_code: str = ""
    city: str = ""
    county: str = ""
    cms: str = ""
    needs_browser: bool = False
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def as_portal(self) -> dict[str, str]:
        """The portal facts every record carries."""
        return {
            "name": self.name,
            "province": self.province,
            "city": self.city,
            "county": self.county,
            "level": self.level,
            "division_code": self.division_code,
        }

    def as_row(self) -> dict[str, str]:
        row = asdict(self)
        row.pop("extra")
        row["listing_urls"] = " ".join(self.listing_urls)
        row["needs_browser"] = "yes" if self.needs_browser else ""
        return row


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "y"}


def parse_rows(text: str) -> list[PortalRow]:
    rows = []
    for raw in csv.DictReader(io.StringIO(text)):
        raw = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if not raw.get("name") or raw["name"].startswith("#"):
            continue
        rows.append(
            PortalRow(
                name=raw["name"],
                province=raw.get("province", ""),
                level=raw.get("level", ""),
                listing_urls=tuple(raw.get("listing_urls", "").split()),
                home_url=raw.get("home_url", ""),
                division_code=raw.get("division_code", ""),
                city=raw.get("city", ""),
                county=raw.get("county", ""),
                cms=raw.get("cms", ""),
                needs_browser=_truthy(raw.get("needs_browser", "")),
                source=raw.get("source", ""),
                extra={k: v for k, v in raw.items() if k not in COLUMNS},
            )
        )
    return rows


def load(path: str | Path | None = None) -> list[PortalRow]:
    """Rows of the user's file, or of the registry shipped in the package."""
    if path:
        text = Path(path).read_text(encoding="utf-8-sig")
    else:
        text = (
            resources.files("giar_crawler")
            .joinpath("data/portals.csv")
            .read_text(encoding="utf-8-sig")
        )
    return parse_rows(text)


def write(rows: list[PortalRow], path: str | Path) -> None:
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row.as_row())
