"""The one source of the client: async code that `scripts/unasync` rewrites into `cdf_client._sync`.

Edit the files here, never those in `_sync/`; `scripts/unasync --check` (contract tests) fails on drift.
"""
