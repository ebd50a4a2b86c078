"""Check that links answer, concurrently, with the standard library only.

Each distinct URL is fetched once (HEAD, falling back to GET on 405/501) and
redirects are followed by hand so that HEAD stays HEAD and loops are caught.
Network problems never raise; they become results with status "unreachable".

Only public addresses are contacted (no server-side request forgery through a
briefing): every host name is resolved here, each address it resolves to must be
public (``ipaddress``'s ``is_global``), and the connection goes to an address that
was checked; the same holds after every redirect. A host or address given with
``--allow-host`` is let through (an intranet, a test server). ``timeout`` is a
deadline for the whole check of one URL (connecting, headers, body, redirects): a
server that answers one byte at a time cannot hold it longer. ``abort_all`` (Ctrl-C)
closes every open connection at once.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import socket
import ssl
import threading
import time
import urllib.error
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from briefpdf.links.ref import LinkRef

USER_AGENT = "briefpdf-link-checker/0.1"
STATUSES = ("ok", "redirected", "broken", "unreachable", "skipped")
FAILING = frozenset({"broken", "unreachable"})
MAX_REDIRECTS = 10
GET_READ_LIMIT = 4096
HEAD_FALLBACK_CODES = frozenset({405, 501})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_URL_SAFE = "%/:=&?~#+!$,;'@()*[]"


@dataclass(frozen=True)
class LinkResult:
    """The outcome of checking one LinkRef; status is one of STATUSES."""

    ref: LinkRef
    status: str
    code: int | None
    final_url: str | None
    detail: str


@dataclass(frozen=True)
class _Outcome:
    """The outcome for one distinct URL, shared by every ref that uses it."""

    status: str
    code: int | None
    final_url: str | None
    detail: str


@dataclass(frozen=True)
class _Reply:
    """One HTTP answer: status code, reason phrase and Location header (if any)."""

    code: int
    reason: str
    location: str | None


class Interrupted(Exception):
    """Ctrl-C during a check: ``results`` holds the links checked so far (input order)."""

    def __init__(self, results: list[LinkResult], total: int):
        super().__init__("interrupted")
        self.results, self.total = results, total


class InternalAddress(Exception):
    """A host that resolves to an address that is not public (and not allowed)."""


@dataclass(eq=False)
class _Deadline:
    """The end of one URL's check; the sockets it has open, closed when it passes."""

    timeout: float
    end: float = 0.0
    sockets: list[socket.socket] = field(default_factory=list)
    expired: bool = False

    def __post_init__(self) -> None:
        self.end = time.monotonic() + self.timeout

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError("timed out")
        return left

    def close(self, *, expired: bool = True) -> None:
        self.expired = self.expired or expired
        for sock in list(self.sockets):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


_open: set[_Deadline] = set()
_open_lock = threading.Lock()
"""The checks in progress (for abort_all)."""


# --------------------------------------------------------------------------- public API


def check_links(
    refs: Sequence[LinkRef],
    *,
    jobs: int = 8,
    timeout: float = 10.0,
    on_result: Callable[[LinkResult], None] | None = None,
    allow_hosts: Collection[str] = (),
) -> list[LinkResult]:
    """Check every ref and return one LinkResult per ref, in input order.

    Each distinct URL is fetched once, by at most `jobs` threads; `timeout` is in
    seconds for the whole check of one URL. Hosts (names or addresses) in
    `allow_hosts` may be internal. `on_result`, if given, is called in the calling
    thread once per ref, in completion order (handy for progress output). A Ctrl-C
    closes every connection and raises Interrupted with the results so far.
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if timeout <= 0:
        raise ValueError("timeout must be positive")
    allowed = frozenset(_host_key(host) for host in allow_hosts)
    outcomes: dict[str, _Outcome] = {}
    by_url = _group_by_url(refs)
    try:
        for url, outcome in _check_urls(list(by_url), jobs, timeout, allowed):
            outcomes[url] = outcome
            if on_result is not None:
                for ref in by_url[url]:
                    on_result(_result(ref, outcome))
    except KeyboardInterrupt:
        abort_all()
        done = [_result(ref, outcomes[ref.url]) for ref in refs if ref.url in outcomes]
        raise Interrupted(done, len(refs)) from None
    return [_result(ref, outcomes[ref.url]) for ref in refs]


def abort_all() -> None:
    """Close every connection of every check in progress (they end as unreachable)."""
    with _open_lock:
        running = list(_open)
    for deadline in running:
        deadline.close(expired=False)


def summarise(results: Sequence[LinkResult]) -> dict[str, int]:
    """Count results per status; every status in STATUSES is present, in that order."""
    counts = dict.fromkeys(STATUSES, 0)
    for result in results:
        counts[result.status] += 1
    return counts


def format_text(results: Sequence[LinkResult]) -> str:
    """One `file:line:column: STATUS url — detail` line per result, then a summary."""
    lines = [_text_line(result) for result in results]
    lines.append(_summary_line(results))
    return "\n".join(lines) + "\n"


def format_json(results: Sequence[LinkResult]) -> str:
    """A JSON object {"links": [...], "summary": {...}} with a fixed key order."""
    counts = summarise(results)
    document = {
        "links": [_json_link(result) for result in results],
        "summary": {"total": len(results), **counts},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def exit_code(results: Sequence[LinkResult]) -> int:
    """Return 1 if any link is broken or unreachable, else 0.

    Unreachable links fail too: from one run we cannot tell a dead site from a
    network problem, and a CI job should notice either. Skipped links never fail.
    """
    return 1 if any(result.status in FAILING for result in results) else 0


# --------------------------------------------------------------------------- scheduling


def _group_by_url(refs: Sequence[LinkRef]) -> dict[str, list[LinkRef]]:
    """Map each distinct URL (first-seen order) to the refs that use it."""
    groups: dict[str, list[LinkRef]] = {}
    for ref in refs:
        groups.setdefault(ref.url, []).append(ref)
    return groups


def _check_urls(urls: list[str], jobs: int, timeout: float, allowed: frozenset[str]
                ) -> Iterator[tuple[str, _Outcome]]:
    """Yield (url, outcome) pairs as the checks finish."""
    if not urls:
        return
    pool = ThreadPoolExecutor(max_workers=min(jobs, len(urls)))
    try:
        futures: dict[Future[_Outcome], str] = {
            pool.submit(_check_url, url, timeout, allowed): url for url in urls
        }
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:  # (after Ctrl-C: do not wait for checks whose connections were just closed)
        pool.shutdown(wait=False, cancel_futures=True)


def _result(ref: LinkRef, outcome: _Outcome) -> LinkResult:
    """Attach a shared outcome to one ref."""
    return LinkResult(ref, outcome.status, outcome.code, outcome.final_url, outcome.detail)


# --------------------------------------------------------------------------- checking one URL


def _check_url(url: str, timeout: float, allowed: frozenset[str] = frozenset()) -> _Outcome:
    """Check one URL, following redirects by hand; never raises for network problems."""
    deadline = _Deadline(timeout)
    with _open_lock:
        _open.add(deadline)
    watchdog = threading.Timer(timeout, deadline.close)
    watchdog.daemon = True
    watchdog.start()
    try:
        return _precheck(url) or _follow(url, deadline, allowed)
    except InternalAddress as error:
        return _Outcome("skipped", None, None, f"not checked: internal address ({error}); "
                        "use --allow-host to check it")
    except ValueError as error:  # malformed URL, bad port, un-encodable host ...
        return _Outcome("broken", None, None, f"invalid URL: {error}")
    except (OSError, http.client.HTTPException) as error:
        if deadline.expired:
            return _Outcome("unreachable", None, None, f"timed out after {timeout:g}s")
        return _Outcome("unreachable", None, None, _describe_error(error, timeout))
    finally:
        watchdog.cancel()
        with _open_lock:
            _open.discard(deadline)


def _precheck(url: str) -> _Outcome | None:
    """An outcome for URLs that are not fetched (other schemes, not absolute), else None."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme and scheme not in ("http", "https"):
        return _Outcome("skipped", None, None, f"{scheme}: not checked")
    if not scheme or not parts.netloc:
        return _Outcome("broken", None, None, "not an absolute http(s) URL")
    return None


def _follow(url: str, deadline: _Deadline, allowed: frozenset[str]) -> _Outcome:
    """Request `url`, following up to MAX_REDIRECTS redirects, and classify the end."""
    seen = [url]
    current = url
    while True:
        try:
            reply = _fetch(current, deadline, allowed)
        except InternalAddress as error:
            if current == url:
                raise
            return _Outcome("skipped", None, current, (
                f"not checked: redirected to an internal address ({error}), which was not "
                "followed; use --allow-host to check it"))
        if reply.code not in REDIRECT_CODES:
            return _classify(reply, url, current, len(seen) - 1)
        if reply.location is None:
            return _Outcome("broken", reply.code, None, f"HTTP {reply.code} without Location")
        target = urljoin(current, reply.location)
        problem = _redirect_problem(target, seen)
        if problem:
            return _Outcome("broken", reply.code, target, problem)
        seen.append(target)
        current = target


def _redirect_problem(target: str, seen: list[str]) -> str | None:
    """Say why a redirect to `target` must not be followed, or None if it may."""
    if target in seen:
        return f"redirect loop ({len(seen)} hops) back to {target}"
    if len(seen) > MAX_REDIRECTS:
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        return f"redirect to a non-http(s) URL: {target}"
    return None


def _classify(reply: _Reply, url: str, final: str, hops: int) -> _Outcome:
    """Turn the last (non-redirect) reply into an outcome."""
    status_text = f"HTTP {reply.code} {reply.reason}".rstrip()
    via = f" after {hops} redirect{'s' if hops != 1 else ''} to {final}" if hops else ""
    final_url = final if hops else None
    if 200 <= reply.code < 300:
        return _Outcome("redirected" if hops else "ok", reply.code, final_url, status_text + via)
    return _Outcome("broken", reply.code, final_url, status_text + via)


def _fetch(url: str, deadline: _Deadline, allowed: frozenset[str]) -> _Reply:
    """HEAD `url`; if the server refuses HEAD (405/501), GET it instead."""
    reply = _request(url, "HEAD", deadline, allowed)
    if reply.code in HEAD_FALLBACK_CODES:
        reply = _request(url, "GET", deadline, allowed)
    return reply


def _request(url: str, method: str, deadline: _Deadline, allowed: frozenset[str]) -> _Reply:
    """Send one request and return its reply; GET reads at most GET_READ_LIMIT bytes.

    http.client directly (no proxy from the environment): the connection goes to an
    address checked by ``_addresses``; TLS still checks the certificate for the name."""
    parts = urlsplit(_ascii_url(url))
    host = parts.hostname or ""
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    addresses = _addresses(host, port, allowed, deadline)
    if https:
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            host, port, timeout=deadline.left(), context=ssl.create_default_context())
    else:
        connection = http.client.HTTPConnection(host, port, timeout=deadline.left())
    connection._create_connection = _connector(addresses, deadline)  # type: ignore[attr-defined]
    target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    try:
        connection.request(method, target, headers={"User-Agent": USER_AGENT,
                                                    "Connection": "close"})
        response = connection.getresponse()
        if method == "GET":
            response.read(GET_READ_LIMIT)
        return _Reply(response.status, response.reason or "", response.getheader("Location"))
    finally:
        connection.close()


def _connector(addresses: list[tuple], deadline: _Deadline) -> Callable[..., socket.socket]:
    """A replacement for http.client's socket.create_connection that connects only to
    ``addresses`` (checked) and registers the socket with the deadline."""
    def connect(_address: object, _timeout: object = None, _source: object = None
                ) -> socket.socket:
        error: OSError = OSError("no address")
        for family, kind, proto, _, sockaddr in addresses:
            sock = socket.socket(family, kind, proto)
            deadline.sockets.append(sock)
            try:
                sock.settimeout(deadline.left())
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                error = exc
                sock.close()
        raise error

    return connect


def _addresses(host: str, port: int, allowed: frozenset[str], deadline: _Deadline
               ) -> list[tuple]:
    """Every address ``host`` resolves to; InternalAddress when one is not public and
    neither the host nor that address is allowed."""
    deadline.left()
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    host_allowed = _host_key(host) in allowed
    for *_, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if host_allowed or _host_key(str(address)) in allowed:
            continue
        if not is_public(address):
            raise InternalAddress(str(address) if str(address) == host
                                  else f"{host} is {address}")
    return found


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for an address on the public internet (not loopback, link-local, private,
    shared, reserved, multicast …); an IPv4 address written as IPv6 is judged as IPv4."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _host_key(host: str) -> str:
    """A host as compared with --allow-host: lower case, no brackets or final dot."""
    return host.strip().strip("[]").rstrip(".").lower()


def _ascii_url(url: str) -> str:
    """Make a URL sendable: IDNA host, percent-encoded non-ASCII path and query."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        host = (parts.hostname or "").encode("idna").decode("ascii")
        netloc = host if parts.port is None else f"{host}:{parts.port}"
    path = quote(parts.path, safe=_URL_SAFE)
    query = quote(parts.query, safe=_URL_SAFE)
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def _describe_error(error: BaseException, timeout: float) -> str:
    """A short human reason for a failed request ("connection refused", ...)."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return f"timed out after {timeout:g}s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "name not resolved"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return "SSL: certificate verify failed"
    if isinstance(reason, ssl.SSLError):
        return f"SSL: {reason.reason or reason}"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by server"
    if isinstance(reason, http.client.HTTPException):
        return f"bad HTTP response: {type(reason).__name__}"
    return str(reason) or type(reason).__name__


# --------------------------------------------------------------------------- formatting


def _text_line(result: LinkResult) -> str:
    """`file:line:column: STATUS url — detail`."""
    ref = result.ref
    where = f"{ref.file}:{ref.line}:{ref.column}"
    return f"{where}: {result.status.upper()} {ref.url} — {result.detail}"


def _summary_line(results: Sequence[LinkResult]) -> str:
    """`12 links: 9 ok, 1 redirected, 1 broken, 1 unreachable` (zero counts left out)."""
    total = len(results)
    noun = "link" if total == 1 else "links"
    parts = [f"{count} {status}" for status, count in summarise(results).items() if count]
    return f"{total} {noun}: {', '.join(parts)}" if parts else f"{total} {noun}"


def _json_link(result: LinkResult) -> dict[str, object]:
    """One result as a JSON-ready dict with a fixed key order."""
    ref = result.ref
    return {
        "file": ref.file,
        "line": ref.line,
        "column": ref.column,
        "title": ref.title,
        "url": ref.url,
        "status": result.status,
        "code": result.code,
        "final_url": result.final_url,
        "detail": result.detail,
    }
