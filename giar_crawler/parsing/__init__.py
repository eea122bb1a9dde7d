"""Pure functions over bytes, text and lxml trees: no Scrapy objects here."""
