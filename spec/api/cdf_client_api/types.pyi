# Public API of cdf-client 0.1.0: cdf_client_api.types. Written by scripts/check_api --write-baseline; never edited by hand.
class File:
    def __init__(self, payload: BinaryIO, file_name: str | None = None, mime_type: str | None = None) -> None: ...
    file_name: str | None
    mime_type: str | None
    payload: BinaryIO
    def to_tuple(self) -> FileTypes: ...
FileTypes = tuple[str | None, FileContent, str | None] | tuple[str | None, FileContent, str | None, Mapping[str, str]]
RequestFiles = list[tuple[str, FileTypes]]
class Response(Generic[T]):
    def __init__(self, status_code: HTTPStatus, content: bytes, headers: MutableMapping[str, str], parsed: T | None) -> None: ...
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None
    status_code: HTTPStatus
UNSET: Unset
class Unset:
    def __bool__(self) -> Literal[False]: ...
