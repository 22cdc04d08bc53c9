"""The public API of cdf_client and cdf_client_api as stubs: for scripts/check_api and scripts/regenerate."""
