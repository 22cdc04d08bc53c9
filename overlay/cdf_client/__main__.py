"""`python -m cdf_client`: the same command as `cdf-client`."""

import sys

from cdf_client._cli import main

if __name__ == "__main__":
    sys.exit(main())
