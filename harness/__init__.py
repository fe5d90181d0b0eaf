"""Helpers that the tests, the benchmarks and the deployment proof share: a dashboard server on a loopback
port, Debian's headless Chromium, AppTest runs of the pages, and synthetic corpora. The app imports none of
it."""
