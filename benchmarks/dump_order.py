"""Is the order of ``Store.dump`` a function of the set of quads alone?

Loads the same quads (IRIs, short and long strings, integers, booleans: the kinds of term
Oxigraph encodes differently, inline or by hash) into several stores, in different orders
and ways (one bulk load, a shuffled bulk load then ``optimize``, one ``add`` at a time in
reverse, many small bulk loads, the first store reopened read-only; and in-memory stores
filled in the same ways), dumps each default graph as N-Triples and prints whether each
dump has the bytes of the first, and whether that order is the order of the lines' text.

Usage::

    python benchmarks/dump_order.py [--quads 3000] [--seed 1]

Measured with pyoxigraph 0.5.13 (docs/benchmarks.md, "The export phase, round 3"): every
on-disk (RocksDB) store dumps the same bytes whatever the order and way of loading,
compacted or not, read-only or not (consistent with keys made from the terms' content,
not from the order they arrive); in-memory stores do not (they differ from the on-disk
order and from each other), and neither order is the text order of the lines.
"""

from __future__ import annotations

import argparse
import random
import tempfile

import pyoxigraph as ox

_XSD = "http://www.w3.org/2001/XMLSchema#"
_ID = "https://w3id.org/exokg/id/"


def make_quads(count: int, seed: int) -> list[ox.Quad]:
    """``count`` random quads of the default graph, with duplicates."""
    rng = random.Random(seed)
    quads = []
    for _ in range(count):
        subject = ox.NamedNode(f"{_ID}statement/{rng.randrange(500)}")
        predicate = ox.NamedNode(f"https://w3id.org/exokg/vocab/p{rng.randrange(12)}")
        kind = rng.randrange(5)
        if kind == 0:
            obj: ox.NamedNode | ox.Literal = ox.NamedNode(f"{_ID}entity/{rng.randrange(300)}")
        elif kind == 1:
            obj = ox.Literal(f"short{rng.randrange(50)}")
        elif kind == 2:
            obj = ox.Literal("a sentence long enough not to be stored inline, " * 2
                             + str(rng.randrange(200)))
        elif kind == 3:
            obj = ox.Literal(str(rng.randrange(-5, 400)), datatype=ox.NamedNode(_XSD + "integer"))
        else:
            obj = ox.Literal(rng.choice(["true", "false"]),
                             datatype=ox.NamedNode(_XSD + "boolean"))
        quads.append(ox.Quad(subject, predicate, obj))
    return quads


def _dump(store: ox.Store) -> bytes:
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())


def dumps(quads: list[ox.Quad], seed: int, folder: str) -> dict[str, bytes]:
    """The dump of each store, by how it was filled."""
    rng = random.Random(seed)
    shuffled = quads[:]
    rng.shuffle(shuffled)
    out: dict[str, bytes] = {}
    first = ox.Store(f"{folder}/a")
    first.bulk_extend(quads)
    first.flush()
    out["on disk: one bulk load"] = _dump(first)
    second = ox.Store(f"{folder}/b")
    second.bulk_extend(shuffled)
    second.optimize()
    out["on disk: shuffled bulk load, optimize()"] = _dump(second)
    third = ox.Store(f"{folder}/c")
    for quad in reversed(quads):
        third.add(quad)
    out["on disk: add() one at a time, reversed"] = _dump(third)
    fourth = ox.Store(f"{folder}/d")
    for start in range(0, len(shuffled), 100):
        fourth.bulk_extend(shuffled[start:start + 100])
    out["on disk: many small bulk loads"] = _dump(fourth)
    del first
    out["on disk: the first store read-only"] = _dump(ox.Store.read_only(f"{folder}/a"))
    memory = ox.Store()
    memory.bulk_extend(shuffled)
    out["in memory: shuffled bulk load"] = _dump(memory)
    memory = ox.Store()
    memory.extend(quads)
    out["in memory: extend()"] = _dump(memory)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quads", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    quads = make_quads(args.quads, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        found = dumps(quads, args.seed, folder)
    reference = next(iter(found.values()))
    print(f"pyoxigraph {ox.__version__}, {len(set(quads)):,} distinct quads")
    for name, data in found.items():
        print(f"{name:45} {'same bytes as the first' if data == reference else 'DIFFERENT'}")
    lines = reference.splitlines(keepends=True)
    print("the on-disk order is the text order of the lines:", lines == sorted(lines))


if __name__ == "__main__":
    main()
