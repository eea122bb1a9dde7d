"""Every Chinese label the project matches, by domain:

- ``statutory``: sections, tables, rows and columns of the statutory formats;
- ``page``: site chrome, spam, metadata wording of portal pages;
- ``discovery``: how listings, columns and report links are named.
"""
