"""Scrapy settings for giar_crawler. Profiles: REPLAY_DIR for offline runs (see README)."""

from giar_crawler.items import exported_fields

BOT_NAME = "giar_crawler"
SPIDER_MODULES = ["giar_crawler.spiders"]
NEWSPIDER_MODULE = "giar_crawler.spiders"

USER_AGENT = "giar-crawler/0.1 (+research crawler of government information disclosure annual reports)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_TIMES = 3
DOWNLOAD_TIMEOUT = 60
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

DOWNLOADER_MIDDLEWARES = {
    "giar_crawler.replay.ReplayMiddleware": 50,
    "giar_crawler.replay.RecordMiddleware": 950,
}
ITEM_PIPELINES = {
    "giar_crawler.pipelines.decode.DecodePipeline": 100,
    "giar_crawler.pipelines.content.ContentPipeline": 200,
    "giar_crawler.pipelines.script.ScriptPipeline": 300,
    "giar_crawler.pipelines.tables.TablesPipeline": 400,
    "giar_crawler.pipelines.validate.ValidatePipeline": 500,
}

# REPLAY_DIR = "fixtures/sites"   serve every request from a saved site (offline)
# RECORD_DIR = "recorded"         save every live response in the same layout
REPLAY_DIR = None
RECORD_DIR = None
GIAR_MAX_LISTING_PAGES = 200

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = exported_fields()
