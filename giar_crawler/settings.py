"""Scrapy settings for giar_crawler. Profiles: REPLAY_DIR for offline runs (see README)."""

from giar_crawler.browser import CHROMIUM, CHROMIUM_ARGS
from giar_crawler.items import exported_fields

BOT_NAME = "giar_crawler"
SPIDER_MODULES = ["giar_crawler.spiders"]
NEWSPIDER_MODULE = "giar_crawler.spiders"
COMMANDS_MODULE = "giar_crawler.commands"  # scrapy validate_registry

USER_AGENT = "giar-crawler/0.1 (+research crawler of government information disclosure annual reports)"
# Politeness: robots.txt obeyed unless a run says otherwise (-s ROBOTSTXT_OBEY=False).
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
# Scrapy starts this many asyncio tasks for every response's callback output; a report page
# yields one item, a listing page a few dozen requests. 100 (the default) doubled the crawl's
# own CPU per page (bench/README.md).
CONCURRENT_ITEMS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
RETRY_TIMES = 3
# giar_crawler.traps.BackoffRetryMiddleware: pause 2s, 4s, 8s… (≤ 60s) before each retry.
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024  # report PDFs are a few MB
DOWNLOAD_TIMEOUT = 60
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

DOWNLOADER_MIDDLEWARES = {
    "giar_crawler.replay.ReplayMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "giar_crawler.traps.BackoffRetryMiddleware": 550,
    "giar_crawler.traps.StubMiddleware": 585,  # before MetaRefreshMiddleware (580)
    "giar_crawler.replay.RecordMiddleware": 950,
}
ITEM_PIPELINES = {
    "giar_crawler.pipelines.incremental.IncrementalPipeline": 50,  # only with GIAR_STATE_FILE
    "giar_crawler.pipelines.pool.ParsePoolPipeline": 90,  # the stages below, in workers
    "giar_crawler.pipelines.decode.DecodePipeline": 100,
    "giar_crawler.pipelines.content.ContentPipeline": 200,
    "giar_crawler.pipelines.script.ScriptPipeline": 300,
    "giar_crawler.pipelines.tables.TablesPipeline": 400,
    "giar_crawler.pipelines.attachments.AttachmentsPipeline": 450,
    "giar_crawler.pipelines.validate.ValidatePipeline": 500,
    "giar_crawler.pipelines.redis_items.RedisItemsPipeline": 900,  # only with GIAR_REDIS_ITEMS
}

# Parse workers: "auto" = one per core (at most 4; none on one core); 0 = parse in the
# crawl's process. Either way the same stages run in the same order (pipelines/pool.py).
GIAR_PARSE_PROCESSES = "auto"
# Seconds a worker may spend on one report (its attachments included) before it is stopped
# and the record exported flagged, without content; 0 = wait forever.
GIAR_PARSE_TIMEOUT = 600

# REPLAY_DIR = "fixtures/sites"   serve every request from a saved site (offline)
# RECORD_DIR = "recorded"         save every live response in the same layout
REPLAY_DIR = None
REPLAY_DELAY = 0  # seconds before each saved response (a server's latency; tests)
RECORD_DIR = None
GIAR_MAX_LISTING_PAGES = 200  # per portal, all listing pages and API replies together
GIAR_MAX_SUBLISTING_DEPTH = 3  # 年报 > 街镇 > 双路街道办事处 is depth 2
GIAR_MAX_ATTACHMENTS = 3  # files fetched per report page
# Portals are opened while fewer requests than this wait in the scheduler (0: all at once).
GIAR_MAX_QUEUED = 2000
# One record per report page body within a portal (mirror URLs, http/https twins).
GIAR_DEDUP_BY_BODY = True

# Per-portal crawl summary at the end (pages, reports found/parsed, errors).
EXTENSIONS = {
    "giar_crawler.portal_stats.PortalStats": 500,
    "giar_crawler.gc_tuning.GcTuning": 510,  # GIAR_GC_TUNING = False leaves the GC alone
}

# Browser-rendered listings (registry needs_browser): scrapy-playwright with the system
# Chromium. The handler starts the browser on the first playwright request only.
DOWNLOAD_HANDLERS = {
    "http": "giar_crawler.browser.LazyBrowserHandler",
    "https": "giar_crawler.browser.LazyBrowserHandler",
}
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS, "timeout": 30_000,
}
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000
PLAYWRIGHT_MAX_CONTEXTS = 2
PLAYWRIGHT_ABORT_REQUEST = "giar_crawler.browser.skip_heavy"
# Portals with only a home page: how deep to follow 政府信息公开 → … → 年报 links, how many
# hub links per page, and where to write the columns found (registry merge-discovered).
GIAR_DISCOVERY_MAX_DEPTH = 3
GIAR_DISCOVERY_MAX_HUBS = 3
GIAR_DISCOVERED_FILE = None
# GIAR_STATE_FILE = "state.jsonl"  incremental runs: skip pages exported unchanged before
# GIAR_STATE_READ = "state/*.jsonl" also read other workers' state (docs/operations.md)
GIAR_STATE_FILE = None
GIAR_STATE_READ = None

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = exported_fields()
# -o cells.csv:cells_csv / -o reports.csv:summary_csv (docs/fields.md)
FEED_EXPORTERS = {
    "jsonlines": "giar_crawler.exporters.JsonLinesExporter",
    "jsonl": "giar_crawler.exporters.JsonLinesExporter",
    "jl": "giar_crawler.exporters.JsonLinesExporter",
    "cells_csv": "giar_crawler.export_csv.CellsCsvExporter",
    "summary_csv": "giar_crawler.export_csv.SummaryCsvExporter",
}
