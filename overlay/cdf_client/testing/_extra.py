"""The libraries the fake needs from the `testing` extra, and the error that says how to install them.

pydantic validates requests (every use of the fake), uvicorn serves it over HTTP (`serve()` and
`python -m cdf_client.testing serve`). Without them, users get this message instead of a bare
`ModuleNotFoundError` from deep inside the package.
"""

from __future__ import annotations

from cdf_client._errors import CDFError

INSTALL = 'pip install "cdf-client[testing]"'
LIBRARIES = frozenset({"pydantic", "pydantic_core", "uvicorn"})


class MissingExtraError(CDFError, ModuleNotFoundError):
    """A library of the `testing` extra is not installed (also a builtin ModuleNotFoundError)."""

    def __init__(self, feature: str, library: str) -> None:
        """Name what needs `library` and the command that installs it."""
        super().__init__(f"{feature} needs {library}, which is not installed: {INSTALL}", name=library)


def missing_library(error: ModuleNotFoundError, feature: str) -> MissingExtraError:
    """Turn the failed import of a `testing` library into the error that says what to install.

    Any other missing module is a real bug and is raised as it is.
    """
    root = (error.name or "").partition(".")[0]
    if root not in LIBRARIES:
        raise error
    return MissingExtraError(feature, root)
