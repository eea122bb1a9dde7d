from giar_crawler.spiders.base import ReportSpider


class ProvinceReportsSpider(ReportSpider):
    """Provincial and city portals."""

    name = "province_reports"
    levels = ("province", "city")
