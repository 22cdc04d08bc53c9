# Public API of cdf-client 0.1.0: cdf_client.testing. Written by scripts/check_api --write-baseline; never edited by hand.
class FakeCDF:
    def __init__(self, *, project: str = 'demo', files: Iterable[Mapping[str, Any]] = (), assets: Iterable[Mapping[str, Any]] = (), data_sets: Iterable[Mapping[str, Any]] = (), token: str = 'test-token', extra_tokens: Iterable[str] = (), client_credentials: Mapping[str, str] | None = None, token_lifetime_s: float = 3600.0, faults: Faults | None = None, base_url: str = 'https://fake.cognitedata.com', clamp_post_limit: bool = False, record_requests: bool = True) -> None: ...
    app: Any
    assets: list[dict[str, Any]]
    def async_client(self, **options: Any) -> AsyncCDFClient: ...
    base_url: str
    def clear_requests(self) -> None: ...
    def client(self, **options: Any) -> CDFClient: ...
    data_sets: list[dict[str, Any]]
    faults: Faults
    files: list[dict[str, Any]]
    @classmethod
    def generate(cls, *, files: int = 1000, assets: int | None = None, seed: int = 0, project: str = 'demo', **options: Any) -> FakeCDF: ...
    peak_in_flight: int
    project: str
    requests: list[RecordedRequest]
    def revoke_tokens(self) -> None: ...
    def serve(self, *, port: int = 0, log_level: str = 'critical') -> Iterator[str]: ...
    token: str
    token_url: str
    def transport(self) -> FakeTransport: ...
class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def __init__(self, fake: FakeCDF) -> None: ...
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response: ...
    def handle_request(self, request: httpx.Request) -> httpx.Response: ...
class Faults:
    def __init__(self, *, seed: int = 0, rate: float = 0.0, statuses: tuple[int, ...] = (429, 502, 503, 504), non_json_rate: float = 0.0, retry_after: float | None = None, auto_retryable_rate: float = 0.0, latency_ms: float = 0.0, stall_rate: float = 0.0, stall_s: float = 30.0, drop_rate: float = 0.0, max_concurrency: int | None = None, token_endpoint: bool = False) -> None: ...
    auto_retryable_rate: float
    drop_rate: float
    latency_ms: float
    max_concurrency: int | None
    non_json_rate: float
    rate: float
    retry_after: float | None
    seed: int
    stall_rate: float
    stall_s: float
    statuses: tuple[int, ...]
    token_endpoint: bool
class RecordedRequest:
    def __init__(self, method: str, path: str, query: list[tuple[str, str]], headers: dict[str, str], json: Any | None, status: int) -> None: ...
    headers: dict[str, str]
    json: Any | None
    method: str
    path: str
    query: list[tuple[str, str]]
    status: int
