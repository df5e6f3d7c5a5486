"""``exokg serve``: the built graph behind a SPARQL 1.1 endpoint (the Oxigraph server).

The server is Oxigraph's own binary (PyPI ``oxigraph``, the extra ``exokg[server]``), run
as ``oxigraph serve-read-only`` on the embedded store that ``exokg build`` wrote:

* **read-only**: updates are refused, and the server holds no write lock, so other readers
  (``exokg query``, notebooks) keep working. Rebuilding the graph replaces the store
  folder: restart the server afterwards to serve the new graph.
* **loopback only** unless ``--allow-remote``: the endpoint has no authentication.
* **union default graph**: the ontology lives in a named graph of the store
  (:mod:`exokg.query.stores`); with ``--union-default-graph`` queries see it beside the
  data, as they do through :func:`exokg.load`, so ``rdf:type/rdfs:subClassOf*`` paths and
  the named queries give the same answers. ``--no-union-default-graph`` serves the data's
  default graph alone.
* a per-query time limit (``--timeout``, default 30 s), enforced by the server.

Endpoints (SPARQL 1.1 Protocol): ``http://HOST:PORT/query`` (GET or POST), and the Graph
Store Protocol read side at ``/store``. :func:`exokg.load("http://HOST:PORT/query")
<exokg.query.api.load>` gives the notebook API against it or any other SPARQL endpoint.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from exokg.errors import ExokgError

__all__ = ["DEFAULT_BIND", "ServeError", "Server", "add_serve_arguments", "find_oxigraph",
           "parse_bind", "run_serve"]

DEFAULT_BIND = "127.0.0.1:7878"
#: Seconds the server may take to start listening.
START_TIMEOUT = 30.0


class ServeError(ExokgError):
    """The server cannot start: the binary is missing, the address is refused or taken."""


def find_oxigraph() -> str:
    """The path of the ``oxigraph`` server binary: the one installed beside this Python
    (``pip install 'exokg[server]'``), else one on ``PATH``.

    Raises:
        ServeError: there is none.
    """
    beside = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServeError("the Oxigraph server binary 'oxigraph' is not installed: "
                     "pip install 'exokg[server]'")


def parse_bind(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) as a host and a port.

    >>> parse_bind("127.0.0.1:7878"), parse_bind("[::1]:8000"), parse_bind("localhost:1")
    (('127.0.0.1', 7878), ('::1', 8000), ('localhost', 1))

    Raises:
        ServeError: not ``HOST:PORT`` with a port from 1 to 65535.
    """
    host, sep, port = text.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ServeError(f"--bind {text!r}: expected HOST:PORT, e.g. {DEFAULT_BIND}")
    return host, int(port)


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(f"port {port} on {host} is already in use (another server?): "
                                 f"choose another with --bind {host}:PORT") from None
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


@dataclass
class Server:
    """An Oxigraph server process on one store.

    Args:
        store: the store folder.
        host, port: where to listen.
        union_default_graph: queries see every graph (data and ontology) by default.
        timeout: seconds a query may run (None: no limit).
        allow_remote: allow a host that is not loopback.
        binary: the ``oxigraph`` binary (default: :func:`find_oxigraph`).

    Use as a context manager, or :meth:`start` and :meth:`stop`.
    """

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    union_default_graph: bool = True
    timeout: float | None = 30.0
    allow_remote: bool = False
    binary: str | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False)
    _log: IO[bytes] | None = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        """The SPARQL query endpoint, ``http://HOST:PORT/query``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/query"

    def command(self) -> list[str]:
        """The server's command line."""
        from exokg.graph.store import database_path

        command = [self.binary or find_oxigraph(), "serve-read-only", "--location",
                   str(database_path(self.store)), "--bind", f"{self.host}:{self.port}"]
        if self.union_default_graph:
            command.append("--union-default-graph")
        if self.timeout:
            command += ["--timeout-s", str(max(1, int(round(self.timeout))))]
        return command

    def start(self, *, output: IO[Any] | int | None = subprocess.DEVNULL,
              wait: float = START_TIMEOUT) -> Server:
        """Start the server and wait until it accepts connections.

        Args:
            output: where the server's own log goes (default: nowhere; None: this
                process's standard error).
            wait: seconds to wait for it to listen.

        Raises:
            ServeError: the host is not loopback without ``allow_remote``, the port is
                taken, the binary is missing, or the server stopped or did not listen.
        """
        if not is_loopback(self.host) and not self.allow_remote:
            raise ServeError(f"refusing to listen on {self.host}: the endpoint has no "
                             "authentication; add --allow-remote to serve other machines")
        from exokg.graph.store import is_store

        if not is_store(Path(self.store)):
            raise ServeError(f"{self.store}: not an exokg store (run 'exokg build' first)")
        _check_port_free(self.host, self.port)
        command = self.command()
        import tempfile

        # a file, not a pipe: a long-running server must never block on a full pipe
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(  # noqa: S603 - fixed binary, no shell
            command, stdin=subprocess.DEVNULL, stdout=output if output is not None else None,
            stderr=self._log)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                self._log.seek(0)
                message = self._log.read()
                self.process = None
                text = message.decode("utf-8", "replace").strip().splitlines()
                raise ServeError(f"the Oxigraph server stopped at once (exit status {code}): "
                                 f"{text[-1] if text else 'no message'}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise ServeError(f"the Oxigraph server did not listen on {self.host}:{self.port} "
                         f"within {wait:g} s")

    def stop(self) -> None:
        """Stop the server (terminate, then kill after 5 s)."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def wait(self) -> int:
        """Wait for the server to exit; its exit status."""
        assert self.process is not None, "not started"
        return self.process.wait()

    def __enter__(self) -> Server:
        if self.process is None:
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, default=None,
                        help="an Oxigraph store folder, an exports folder or a Turtle file "
                             "(default: .exokg/store beside ./exports, built from the "
                             "bundled corpus if missing)")
    parser.add_argument("--bind", default=DEFAULT_BIND, metavar="HOST:PORT",
                        help=f"where to listen (default {DEFAULT_BIND}: this machine only)")
    parser.add_argument("--allow-remote", action="store_true",
                        help="allow a --bind address other machines can reach (the endpoint "
                             "has no authentication)")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds a query may run (default 30)")
    parser.add_argument("--no-union-default-graph", action="store_true",
                        help="serve the data's default graph alone (default: queries also "
                             "see the ontology's named graph)")


def run_serve(args: argparse.Namespace) -> int:
    """Run the server in the foreground until interrupted."""
    from exokg.query.stores import ensure_ontology, locate_store

    host, port = parse_bind(args.bind)
    binary = find_oxigraph()  # fail before building anything
    located = locate_store(args.store)
    try:
        ensure_ontology(located.path)  # written now: the server opens the store read-only
        server = Server(located.path, host, port,
                        union_default_graph=not args.no_union_default_graph,
                        timeout=args.timeout, allow_remote=args.allow_remote, binary=binary)
        server.start(output=None)
        import signal

        def terminate(signum: int, frame: object) -> None:  # SIGTERM stops the server too
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, terminate)
        print(f"serving {located.source} read-only at {server.url} (SPARQL 1.1; "
              f"exokg.load({server.url!r}) in a notebook); Ctrl-C stops", file=sys.stderr)
        try:
            code = server.wait()
        except KeyboardInterrupt:
            server.stop()
            return 0
        finally:
            server.stop()
        if code:
            raise ServeError(f"the Oxigraph server stopped (exit status {code})")
        return 0
    finally:
        located.cleanup()
