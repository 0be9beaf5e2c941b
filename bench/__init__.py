"""Benchmarks of the LIO portal (docs/performance.md)."""
