# Public API of cdf-client 0.1.0: cdf_client_api.wire. Written by scripts/check_api --write-baseline; never edited by hand.
