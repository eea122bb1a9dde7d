"""giar-crawler: collect and parse 政府信息公开工作年度报告 from government portals."""
