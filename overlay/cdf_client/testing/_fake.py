"""`FakeCDF`: the data, the server core, auth, faults and request recording, behind one object."""

from __future__ import annotations

import dataclasses
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from cdf_client.testing import _data
from cdf_client.testing._faults import Faults, Injector, Plan
from cdf_client.testing._hostile import Adversary, Hostile, Stream
from cdf_client.testing._http import APIError, Request, Response, add_request_id, decode_body
from cdf_client.testing._oauth import TOKEN_PATH, Auth
from cdf_client.testing._server import Server
from cdf_client.testing._store import Store
from cdf_client.testing._throttle import Limiter, Throttle, ThrottleStats
from cdf_client.testing._transport import FakeTransport

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from cdf_client import AsyncCDFClient, CDFClient

DEFAULT_BASE_URL = "https://fake.cognitedata.com"


@dataclasses.dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request the fake received, with the status it answered (0: never answered, a stall)."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    json: Any | None
    status: int

    def __repr__(self) -> str:
        # Tests print these in failure messages; the bearer token must not end up in CI logs.
        headers = {k: ("<redacted>" if k == "authorization" else v) for k, v in self.headers.items()}
        return (
            f"RecordedRequest(method={self.method!r}, path={self.path!r}, query={self.query!r}, "
            f"headers={headers!r}, json={self.json!r}, status={self.status!r})"
        )


class FakeCDF:
    """A spec-faithful, in-memory CDF serving the five files and assets endpoints, for tests and benchmarks.

    Served over loopback with 100,000 generated files, it delivered 126-154 pages of 1,000 files per
    second with gzip (193-230 without) to one client in another process, measured with
    `python -m cdf_client.testing serve --files 100000 --measure` on a shared 2-vCPU machine (see
    docs/testing.md): decoding a page costs a benchmark client more than serving it costs the fake.

    Example:
        fake = FakeCDF(files=[{"id": 1, "name": "a.pdf", "mimeType": "application/pdf"}])
        with httpx.Client(base_url=fake.base_url, transport=fake.transport()) as http:
            http.post(f"/api/v1/projects/{fake.project}/files/list", json={},
                      headers={"Authorization": f"Bearer {fake.token}"}).json()["items"]

    """

    def __init__(
        self,
        *,
        project: str = "demo",
        files: Iterable[Mapping[str, Any]] = (),
        assets: Iterable[Mapping[str, Any]] = (),
        data_sets: Iterable[Mapping[str, Any]] = (),
        token: str = "test-token",  # noqa: S107 - a fake accepts a well-known token
        extra_tokens: Iterable[str] = (),
        client_credentials: Mapping[str, str] | None = None,
        token_lifetime_s: float = 3600.0,
        faults: Faults | None = None,
        hostile: Hostile | None = None,
        throttle: Throttle | None = None,
        base_url: str = DEFAULT_BASE_URL,
        clamp_post_limit: bool = False,
        record_requests: bool = True,
    ) -> None:
        """Build a fake from wire-shaped (camelCase) dicts; missing ids and server times are filled in.

        Example:
            fake = FakeCDF(assets=[{"id": 1, "name": "plant"}, {"id": 2, "name": "pump", "parentId": 1}],
                           files=[{"id": 10, "name": "p.pdf", "assetIds": [2]}])

        """
        self._init(
            project=project,
            store=Store(
                _data.normalize_files(files),
                _data.normalize_assets(assets),
                _data.normalize_data_sets(data_sets),
            ),
            token=token,
            extra_tokens=extra_tokens,
            client_credentials=client_credentials or {},
            token_lifetime_s=token_lifetime_s,
            faults=faults or Faults(),
            hostile=hostile,
            throttle=throttle,
            base_url=base_url,
            clamp_post_limit=clamp_post_limit,
            record_requests=record_requests,
        )

    def _init(
        self,
        *,
        project: str,
        store: Store,
        token: str,
        extra_tokens: Iterable[str],
        client_credentials: Mapping[str, str],
        token_lifetime_s: float,
        faults: Faults,
        hostile: Hostile | None,
        throttle: Throttle | None,
        base_url: str,
        clamp_post_limit: bool,
        record_requests: bool,
    ) -> None:
        if not project or "/" in project:
            msg = f"project must be a non-empty name without '/', got {project!r}"
            raise ValueError(msg)
        if not token:
            msg = "token must be a non-empty string"
            raise ValueError(msg)
        self._project = project
        self._token = token
        self._base_url = base_url.rstrip("/")
        self._store = store
        self._auth = Auth([token, *extra_tokens], client_credentials, token_lifetime_s)
        self._server = Server(store, project=project, auth=self._auth, clamp_post_limit=clamp_post_limit)
        self._injector = Injector(faults)
        # None when unset: the normal path then pays one attribute check for each, nothing more.
        self._adversary = None if hostile is None else Adversary(hostile, store)
        self._limiter = None if throttle is None else Limiter(throttle)
        self._record_requests = record_requests
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()

    @classmethod
    def generate(
        cls,
        *,
        files: int = 1000,
        assets: int | None = None,
        seed: int = 0,
        project: str = "demo",
        **options: Any,
    ) -> FakeCDF:
        """Build a fake holding a seeded, realistic plant: asset hierarchy, files, data sets, labels, geo.

        Example:
            fake = FakeCDF.generate(files=10_000, seed=0)

        """
        from cdf_client.testing._generate import generate_plant  # noqa: PLC0415 - only this path needs it

        plant = generate_plant(files=files, assets=assets, seed=seed)
        fake = cls.__new__(cls)
        defaults: dict[str, Any] = {
            "token": "test-token",
            "extra_tokens": (),
            "client_credentials": {},
            "token_lifetime_s": 3600.0,
            "faults": Faults(),
            "hostile": None,
            "throttle": None,
            "base_url": DEFAULT_BASE_URL,
            "clamp_post_limit": False,
            "record_requests": True,
        }
        unknown = set(options) - set(defaults)
        if unknown:
            msg = f"FakeCDF.generate() got unexpected keyword arguments {sorted(unknown)}"
            raise TypeError(msg)
        settings = {**defaults, **options}
        settings["client_credentials"] = settings["client_credentials"] or {}
        settings["faults"] = settings["faults"] or Faults()
        # Generated data is valid by construction (tests check samples), so skip per-item validation.
        store = Store(plant.files, plant.assets, plant.data_sets)
        fake._init(project=project, store=store, **settings)  # noqa: SLF001 - same class, other constructor
        return fake

    def __repr__(self) -> str:
        return (
            f"<FakeCDF project={self._project!r} files={len(self._store.files)} "
            f"assets={len(self._store.assets)} base_url={self._base_url!r}>"
        )

    @property
    def project(self) -> str:
        """The CDF project the fake serves under `/api/v1/projects/{project}`."""
        return self._project

    @property
    def token(self) -> str:
        """A bearer token the fake accepts."""
        return self._token

    @property
    def base_url(self) -> str:
        """The base URL to use with `transport()` (any host works in process; this one reads well)."""
        return self._base_url

    @property
    def token_url(self) -> str:
        """The built-in OAuth2 client-credentials endpoint (for `client_credentials=`)."""
        return self._base_url + TOKEN_PATH

    @property
    def files(self) -> list[dict[str, Any]]:
        """The files, wire-shaped, ordered by id (a new list; do not mutate the dicts)."""
        return list(self._store.files.items)

    @property
    def assets(self) -> list[dict[str, Any]]:
        """The assets, wire-shaped, ordered by id (a new list; do not mutate the dicts)."""
        return list(self._store.assets.items)

    @property
    def data_sets(self) -> list[dict[str, Any]]:
        """The data sets files and assets may refer to (`{"id", "externalId"?}`)."""
        return [{"id": i, "externalId": x} for x, i in self._store.data_set_id_by_external_id.items()]

    @property
    def faults(self) -> Faults:
        """The current fault settings; assigning new ones restarts their seeded sequence."""
        return self._injector.faults

    @faults.setter
    def faults(self, faults: Faults) -> None:
        self._injector.reset(faults)

    @property
    def hostile(self) -> Hostile | None:
        """The hostile mode in force (None: the fake behaves); assigning one restarts its seeded sequence."""
        return None if self._adversary is None else self._adversary.hostile

    @hostile.setter
    def hostile(self, hostile: Hostile | None) -> None:
        self._adversary = None if hostile is None else Adversary(hostile, self._store)

    @property
    def throttle(self) -> Throttle | None:
        """The request budget in force (None: unlimited); assigning one starts full buckets, no counts."""
        return None if self._limiter is None else self._limiter.throttle

    @throttle.setter
    def throttle(self, throttle: Throttle | None) -> None:
        self._limiter = None if throttle is None else Limiter(throttle)

    @property
    def throttle_stats(self) -> ThrottleStats:
        """How many requests the throttle accepted and refused (all zero without a throttle).

        Example:
            fake.throttle = Throttle()  # CDF's documented budget
            with fake.client() as client:
                client.files.filter(partitions=10).to_list()
            assert fake.throttle_stats.refused <= 5

        """
        return ThrottleStats() if self._limiter is None else self._limiter.stats

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far (token endpoint included), oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def peak_in_flight(self) -> int:
        """The most requests handled at the same time since creation or `clear_requests()`."""
        return self._injector.peak_in_flight

    def clear_requests(self) -> None:
        """Forget recorded requests, the in-flight peak and the throttle counts, between phases of a test."""
        with self._lock:
            self._requests.clear()
        self._injector.reset_peak()
        if self._limiter is not None:
            self._limiter.reset_stats()

    def revoke_tokens(self) -> None:
        """Tokens issued by the token endpoint so far stop working (401); fixed tokens stay valid."""
        self._auth.revoke()

    def transport(self) -> FakeTransport:
        """Return an httpx transport (sync and async) that answers in process, without sockets.

        Example:
            client = httpx.AsyncClient(base_url=fake.base_url, transport=fake.transport())

        """
        return FakeTransport(self)

    def client(self, **options: Any) -> CDFClient:
        """Return a `CDFClient` wired to this fake in process (close it, or use it in a `with` block).

        Example:
            with fake.client() as client:
                pdfs = client.files.filter(mime_type="application/pdf").to_list()

        """
        from cdf_client import CDFClient  # noqa: PLC0415 - the client package imports nothing from here

        return CDFClient(
            project=self._project,
            base_url=self._base_url,
            token=self._token,
            transport=self.transport(),
            **options,
        )

    def async_client(self, **options: Any) -> AsyncCDFClient:
        """Return an `AsyncCDFClient` wired to this fake in process.

        Example:
            async with fake.async_client() as client:
                files = await client.files.retrieve([1, 2])

        """
        from cdf_client import AsyncCDFClient  # noqa: PLC0415

        return AsyncCDFClient(
            project=self._project,
            base_url=self._base_url,
            token=self._token,
            transport=self.transport(),
            **options,
        )

    @property
    def app(self) -> Any:
        """The fake as an ASGI 3 application (same behaviour as the transport)."""
        from cdf_client.testing._asgi import ASGIApp  # noqa: PLC0415 - avoids an import cycle

        return ASGIApp(self)

    @contextmanager
    def serve(self, *, port: int = 0, log_level: str = "critical") -> Iterator[str]:
        """Serve over HTTP on 127.0.0.1 (a free port by default) in a background thread; yields the base URL.

        Example:
            with fake.serve() as base_url:
                httpx.get(f"{base_url}/api/v1/projects/{fake.project}/files", headers=...)

        """
        from cdf_client.testing._serve import serve  # noqa: PLC0415 - uvicorn only when serving

        self._closing.clear()
        try:
            with serve(self.app, port=port, log_level=log_level) as base_url:
                yield base_url
        finally:
            self._closing.set()

    # The wrappers (transport, ASGI app) share these three steps around their own waiting.

    def _begin(self, request: Request) -> Plan:
        applies = request.path.startswith("/api/") or (
            request.path == TOKEN_PATH and self.faults.token_endpoint
        )
        plan = self._injector.begin(applies=applies)
        limiter = self._limiter
        if limiter is not None:
            refusal, release = limiter.admit(request)
            if refusal is not None:
                plan = Plan(plan.latency_s, refusal)
            elif release is not None:
                plan = dataclasses.replace(plan, release=release)
        return plan

    def _respond(self, request: Request, plan: Plan) -> Response | Stream:
        answer: Response | Stream
        if plan.response is not None:
            answer, body = add_request_id(plan.response), _json_or_none(request)
        else:
            answer, body = self._server.handle(request)
            adversary = self._adversary
            if adversary is not None:
                answer = adversary.apply(request, body, answer)
        self._record(request, body, answer.status)
        return answer

    def _end(self, plan: Plan) -> None:
        self._injector.end()
        if plan.release is not None:
            plan.release()

    def _record(self, request: Request, body: Any, status: int) -> None:
        if self._record_requests:
            recorded = RecordedRequest(
                request.method, request.path, request.query, request.headers, body, status
            )
            with self._lock:
                self._requests.append(recorded)


def _json_or_none(request: Request) -> Any:
    """Decode the request's JSON body for the record, when the real handler never did."""
    if not request.body:
        return None
    try:
        return decode_body(request)
    except APIError:
        return None
