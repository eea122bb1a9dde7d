from giar_crawler.spiders.base import ReportSpider


class CountyReportsSpider(ReportSpider):
    """County and township portals (and anything in a user's own portal file)."""

    name = "county_reports"
    levels = ("county", "township")
