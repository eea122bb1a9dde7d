"""Package for scrapyd eggs (scrapyd-deploy builds one with bdist_egg).

The portal registry under giar_crawler/data/ rides along as package data and is read
with importlib.resources, so it works from inside the egg.
"""

from setuptools import find_packages, setup

setup(
    name="giar_crawler",
    version="0.1.0",
    packages=find_packages(exclude=["tests", "tests.*"]),
    package_data={"giar_crawler": ["data/*"]},
    entry_points={"scrapy": ["settings = giar_crawler.settings"]},
    python_requires=">=3.11",
    zip_safe=False,
)
