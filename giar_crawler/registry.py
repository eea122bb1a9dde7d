"""The portal registry: which portals to crawl, where their report listings are.

    python -m giar_crawler.registry validate [PATH]        # non-zero exit on errors
    python -m giar_crawler.registry summary [PATH]
    python -m giar_crawler.registry merge-discovered REGISTRY DISCOVERED -o OUT
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from giar_crawler.listings import adapter_for
from giar_crawler.schema.divisions import PROVINCE_CODES

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
    line: int = field(default=0, compare=False)  # line in the CSV file, for messages

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
        row.pop("line")
        row["listing_urls"] = " ".join(self.listing_urls)
        row["needs_browser"] = "yes" if self.needs_browser else ""
        return row


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "y"}


def parse_rows(text: str) -> list[PortalRow]:
    rows = []
    reader = csv.DictReader(io.StringIO(text))
    for raw in reader:
        raw = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if not any(raw.values()) or raw.get("name", "").startswith("#"):
            continue  # blank and comment lines; a row without a name is kept for validate()
        rows.append(
            PortalRow(
                name=raw.get("name", ""),
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
                line=reader.line_num,
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


# --- validation ---------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    line: int
    name: str
    code: str  # missing_field | bad_url | unknown_cms | unknown_level | unknown_province |
    #            bad_division_code | duplicate_name | duplicate_listing | duplicate_home
    detail: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.name or '?'}: {self.code}: {self.detail}"


def url_problem(url: str) -> str | None:
    if any(ch.isspace() for ch in url):
        return "contains whitespace"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "not http(s)"
    if not parts.hostname or "." not in parts.hostname:
        return "no host"
    return None


def _url_key(url: str) -> str:
    """Same page whatever the scheme, host case or trailing slash."""
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}{parts.path.rstrip('/')}?{parts.query}"


_DIVISION_CODE = re.compile(r"\d{6}(\d{3}(\d{3})?)?")


def validate(rows: list[PortalRow]) -> list[Problem]:
    problems: list[Problem] = []
    seen_names: dict[tuple[str, str], int] = {}
    seen_listing: dict[str, int] = {}
    seen_home: dict[str, int] = {}

    def flag(row: PortalRow, code: str, detail: str) -> None:
        problems.append(Problem(row.line, row.name, code, detail))

    for row in rows:
        for name in ("name", "province", "level", "source"):
            if not getattr(row, name):
                flag(row, "missing_field", name)
        if not row.listing_urls and not row.home_url:
            flag(row, "missing_field", "listing_urls or home_url")
        if row.level and row.level not in LEVELS:
            flag(row, "unknown_level", row.level)
        if row.province and row.province not in PROVINCE_CODES:
            flag(row, "unknown_province", row.province)
        if row.cms and adapter_for(row.cms) is None:
            flag(row, "unknown_cms", f"{row.cms} (no listing adapter of that family)")
        if row.division_code and not _DIVISION_CODE.fullmatch(row.division_code):
            flag(row, "bad_division_code", row.division_code)
        elif row.division_code and row.province in PROVINCE_CODES and (
            row.division_code[:2] != PROVINCE_CODES[row.province][:2]
        ):
            flag(row, "bad_division_code", f"{row.division_code} is not in {row.province}")
        for url in (*row.listing_urls, *([row.home_url] if row.home_url else [])):
            why = url_problem(url)
            if why:
                flag(row, "bad_url", f"{url!r}: {why}")
        key = (row.name, row.province)
        if key in seen_names:
            flag(row, "duplicate_name", f"same name and province as line {seen_names[key]}")
        seen_names.setdefault(key, row.line)
        for url in row.listing_urls:
            k = _url_key(url)
            if k in seen_listing:
                flag(row, "duplicate_listing", f"{url} also on line {seen_listing[k]}")
            seen_listing.setdefault(k, row.line)
        if row.home_url:
            k = _url_key(row.home_url)
            if k in seen_home:
                flag(row, "duplicate_home", f"{row.home_url} also on line {seen_home[k]}")
            seen_home.setdefault(k, row.line)
    return problems


# --- discovered listings written back -------------------------------------------


def merge_discovered(rows: list[PortalRow], discovered: list[dict]) -> tuple[list[PortalRow], int]:
    """Fill listing_urls of rows that had none from a crawl's discoveries (matched by name+province).

    Rows that already list URLs are kept as they are: a curated listing beats a found one.
    """
    found = {
        (d["name"], d.get("province", "")): d for d in discovered if d.get("listing_urls")
    }
    merged, filled = [], 0
    for row in rows:
        hit = found.get((row.name, row.province))
        if hit and not row.listing_urls:
            note = f"listing found from home page by giar-crawler ({' > '.join(hit.get('path', []))})"
            row = PortalRow(
                **{**asdict(row), "listing_urls": tuple(hit["listing_urls"]),
                   "source": f"{row.source}; {note}" if row.source else note}
            )
            filled += 1
        merged.append(row)
    return merged, filled


def load_discovered(path: str | Path) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data["portals"] if isinstance(data, dict) else data


# --- command line ----------------------------------------------------------------


def summary(rows: list[PortalRow]) -> str:
    levels = Counter(r.level for r in rows)
    provinces = Counter(r.province for r in rows)
    with_listing = sum(bool(r.listing_urls) for r in rows)
    return "\n".join([
        f"{len(rows)} portals, {len(provinces)} provinces, {with_listing} with listing URLs",
        "levels: " + ", ".join(f"{k}={v}" for k, v in levels.most_common()),
        "provinces: " + ", ".join(f"{k}={v}" for k, v in provinces.most_common()),
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m giar_crawler.registry")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="report duplicates, bad URLs, unknown CMS/level, missing fields")
    p.add_argument("path", nargs="?")
    p = sub.add_parser("summary", help="counts by level and province")
    p.add_argument("path", nargs="?")
    p = sub.add_parser("merge-discovered", help="write listing URLs a crawl found into a registry")
    p.add_argument("registry")
    p.add_argument("discovered", help="JSON written by a crawl with -s GIAR_DISCOVERED_FILE=…")
    p.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)

    if args.command == "merge-discovered":
        rows, filled = merge_discovered(load(args.registry), load_discovered(args.discovered))
        write(rows, args.output)
        print(f"{filled} portals got listing URLs; wrote {args.output}")
        return 0
    rows = load(args.path)
    if args.command == "summary":
        print(summary(rows))
        return 0
    problems = validate(rows)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(rows)} portals, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
