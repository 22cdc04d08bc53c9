import inspect

import pytest

import cdf_client
from cdf_client import AssetsAPI, AsyncAssetsAPI, AsyncFilesAPI, FilesAPI


def test_all_is_exactly_the_public_names():
    public = {name for name in dir(cdf_client) if not name.startswith("_")}
    # Submodules imported as a side effect (e.g. `cdf_client.testing` after a test imported it) are not API.
    public = {name for name in public if not inspect.ismodule(getattr(cdf_client, name))}
    assert set(cdf_client.__all__) - {"__version__"} == public


def test_exported_names_claim_the_public_module():
    for name in cdf_client.__all__:
        value = getattr(cdf_client, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__module__ == "cdf_client", name


def _public_methods(cls):
    return {name for name, _ in inspect.getmembers(cls, callable) if not name.startswith("_")}


@pytest.mark.parametrize(("sync_cls", "async_cls"), [(FilesAPI, AsyncFilesAPI), (AssetsAPI, AsyncAssetsAPI)])
def test_sync_and_async_resources_have_identical_signatures(sync_cls, async_cls):
    assert _public_methods(sync_cls) == _public_methods(async_cls)
    for name in _public_methods(async_cls):
        sync_sig = inspect.signature(getattr(sync_cls, name))
        async_sig = inspect.signature(getattr(async_cls, name))
        assert list(sync_sig.parameters.values()) == list(async_sig.parameters.values()), name
        assert getattr(sync_cls, name).__doc__ == getattr(async_cls, name).__doc__


def test_sync_and_async_clients_take_the_same_arguments_with_seams_of_their_own_kind():
    sync_sig = inspect.signature(cdf_client.CDFClient)
    async_sig = inspect.signature(cdf_client.AsyncCDFClient)
    assert list(sync_sig.parameters) == list(async_sig.parameters)
    for name, sync_param in sync_sig.parameters.items():
        async_param = async_sig.parameters[name]
        assert (sync_param.kind, sync_param.default) == (async_param.kind, async_param.default), name
        # The injected httpx client or transport is of the client's own kind; everything else is equal.
        assert sync_param.annotation == async_param.annotation.replace("Async", ""), name


def test_every_public_method_has_a_docstring_with_an_example():
    for cls in (FilesAPI, AssetsAPI, cdf_client.Listing, cdf_client.AsyncListing):
        for name in _public_methods(cls):
            doc = getattr(cls, name).__doc__ or ""
            assert "Example" in doc, f"{cls.__name__}.{name}"


def test_sync_and_async_listings_have_the_same_methods_and_parameters():
    sync_methods, async_methods = (
        _public_methods(cdf_client.Listing),
        _public_methods(cdf_client.AsyncListing),
    )

    assert sync_methods == async_methods
    assert {"to_arrow", "to_polars", "to_pandas", "write_parquet"} <= sync_methods
    for name in sync_methods:
        sync_sig = inspect.signature(getattr(cdf_client.Listing, name))
        async_sig = inspect.signature(getattr(cdf_client.AsyncListing, name))
        assert list(sync_sig.parameters.values()) == list(async_sig.parameters.values()), name
