"""Benchmarks: parse cost, script cost, crawl throughput and memory (see bench/README.md)."""
