"""IRI -> CURIE for the exporters that write one row per statement: the same results as
:func:`exokg.ids.compress` (with the default prefix map), faster.

Writing the KGX edges and the statements CSV of a large graph compresses several IRIs per
statement; :func:`exokg.ids.compress` checks the IRI and asks the prefix trie every time
(a few microseconds). Entities, predicates and context values recur on every statement, so
:func:`curie` is memoised; statement and evidence IRIs are new on every row, and are all
in exokg's namespace of minted individuals, which :func:`minted_curie` compresses by
slicing when no longer prefix of the prefix map lies inside it (checked once).
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["curie", "minted_curie"]


@lru_cache(maxsize=1 << 16)
def curie(iri: str) -> str:
    """:func:`exokg.ids.compress` of ``iri`` (memoised).

    Raises:
        IdentifierError: as :func:`exokg.ids.compress`.
    """
    from exokg.ids import compress

    return compress(iri)


@lru_cache(maxsize=1)
def _minted_namespace() -> tuple[str, str] | None:
    """(IRI prefix, CURIE prefix) of exokg's minted individuals when every IRI that extends
    the IRI prefix compresses to the CURIE prefix and the rest; None when another prefix of
    the map lies inside it (then :func:`minted_curie` asks :func:`exokg.ids.compress`)."""
    from exokg.ids import IRI_SUFFIXES, load_prefix_map

    prefixes = load_prefix_map()
    namespace = prefixes.get("exokg")
    if namespace is None or "exokg" in IRI_SUFFIXES:
        return None
    if any(iri != namespace and iri.startswith(namespace) for iri in prefixes.values()):
        return None
    return namespace, "exokg:"


def minted_curie(iri: str) -> str:
    """The CURIE of an IRI read from a store, as :func:`exokg.ids.compress` gives it: a
    slice for exokg's minted individuals (``https://w3id.org/exokg/id/statement/ab12`` ->
    ``exokg:statement/ab12``), :func:`exokg.ids.compress` for anything else. The IRI is
    not checked again (a store holds valid IRIs only).

    Raises:
        IdentifierError: as :func:`exokg.ids.compress`, for an IRI outside exokg's
            namespace.

    >>> minted_curie("https://w3id.org/exokg/id/statement/0002867746cab866")
    'exokg:statement/0002867746cab866'
    >>> minted_curie("http://purl.obolibrary.org/obo/CL_0000134")
    'CL:0000134'
    """
    minted = _minted_namespace()
    if minted is not None and iri.startswith(minted[0]) and len(iri) > len(minted[0]):
        return minted[1] + iri[len(minted[0]):]
    return curie(iri)
