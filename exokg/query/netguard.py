"""Operating-system guards for the query worker: no network, bounded memory.

The SPARQL safety check (:mod:`exokg.query.safety`) refuses ``SERVICE`` before a query
runs. These guards are the second wall, for the day a parser disagreement lets one through:

* :func:`deny_network` installs a seccomp filter on the worker process (Linux x86-64 and
  AArch64): creating an IPv4 or IPv6 socket, and setting up io_uring (which can open sockets
  without the ``socket`` call), fail with EACCES. The filter is inherited by every thread
  and cannot be removed, so neither Oxigraph's Rust HTTP client nor Python code in the
  worker can open a connection. Pipes to the parent are not sockets and keep working.
* :func:`limit_memory` sets ``RLIMIT_AS``: a query that needs more address space fails
  with an allocation error (the worker dies; the parent reports it) instead of filling the
  machine.

Both return False where the system cannot apply them (other platforms); the caller decides
whether that is acceptable.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import platform
import resource
import struct

__all__ = ["deny_network", "limit_memory"]

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_EACCES = 13
_AF_INET, _AF_INET6 = 2, 10
# machine -> (AUDIT_ARCH_*, socket syscall, io_uring_setup syscall)
_ARCHES = {
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}
# classic BPF opcodes
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_RET_K = 0x06


def _instruction(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def _program(arch: int, socket_nr: int, uring_nr: int) -> bytes:
    deny = _SECCOMP_RET_ERRNO | _EACCES
    return b"".join([
        _instruction(_LD_W_ABS, 0, 0, 4),            # 0: A = arch
        _instruction(_JEQ_K, 1, 0, arch),             # 1: our arch? -> 3
        _instruction(_RET_K, 0, 0, deny),             # 2: another ABI: deny everything
        _instruction(_LD_W_ABS, 0, 0, 0),             # 3: A = syscall number
        _instruction(_JGE_K, 7, 0, 0x40000000),       # 4: x32 numbers -> deny (12)
        _instruction(_JEQ_K, 6, 0, uring_nr),         # 5: io_uring_setup -> deny (12)
        _instruction(_JEQ_K, 0, 4, socket_nr),        # 6: socket? -> 7, else allow (11)
        _instruction(_LD_W_ABS, 0, 0, 16),            # 7: A = domain (first argument)
        _instruction(_JEQ_K, 3, 0, _AF_INET),         # 8: AF_INET -> deny (12)
        _instruction(_JEQ_K, 2, 0, _AF_INET6),        # 9: AF_INET6 -> deny (12)
        _instruction(_RET_K, 0, 0, _SECCOMP_RET_ALLOW),  # 10
        _instruction(_RET_K, 0, 0, _SECCOMP_RET_ALLOW),  # 11: allow
        _instruction(_RET_K, 0, 0, deny),             # 12: deny
    ])


def deny_network() -> bool:
    """Forbid this process (all its threads, and children) to open IPv4/IPv6 sockets.

    Returns True when the filter is in place, False where seccomp is not available.
    """
    arch = _ARCHES.get(platform.machine())
    if arch is None or platform.system() != "Linux":
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    except OSError:
        return False
    code = _program(*arch)
    count = len(code) // 8
    buffer = ctypes.create_string_buffer(code, len(code))

    class _Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    program = _Program(count, ctypes.cast(buffer, ctypes.c_void_p))
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                           ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(program), 0, 0) != 0:
        return False
    return True


def limit_memory(limit: int) -> bool:
    """Cap this process's address space at ``limit`` bytes (``RLIMIT_AS``); True when set.
    A limit of 0 or less leaves it as it is."""
    if limit <= 0:
        return False
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return False
    return True
