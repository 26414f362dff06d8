"""Benchmarks: each module measures one part of the build and returns its figures as a dict."""
