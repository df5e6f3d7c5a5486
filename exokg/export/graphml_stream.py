"""GraphML written element by element, with the bytes of NetworkX's writer.

:func:`exokg.export.graphml.to_graphml` hands a whole NetworkX view to
``networkx.write_graphml_xml``, which builds an ElementTree of the whole document (one
element per node, edge and attribute value) before writing it: at 262,000 statements that
is gigabytes. :class:`GraphMLStream` writes the same document (``prettyprint=True``,
``named_key_ids=False``, ``edge_id_from_attribute="statement"``, the pure-Python writer)
one node or edge at a time, so memory does not grow with the graph:

* ``<key>`` declarations are numbered ``d0, d1, ...`` in the order an attribute name (with
  its scope and type) first appears, nodes before edges, and listed newest first, as
  NetworkX lists them;
* attribute types are NetworkX's (``str`` string, ``bool`` boolean, ``int`` long, ``float``
  double), values written as ``str(value)``;
* text and attribute values are escaped as ElementTree escapes them.

The keys are only known once every element has been seen, and they come first in the file:
nodes and edges are written to a body file beside the target, then the head and the body are
joined into the target.

>>> import io, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     stream = GraphMLStream(folder)
...     stream.node("a", {"label": "A & B"})
...     stream.edge("a", "a", "s1", {"statement": "s1", "negated": False})
...     out = io.BytesIO()
...     stream.finish(out)
>>> print(out.getvalue().decode().split("\\n", 2)[2])  # doctest: +NORMALIZE_WHITESPACE
  <key id="d2" for="edge" attr.name="negated" attr.type="boolean" />
  <key id="d1" for="edge" attr.name="statement" attr.type="string" />
  <key id="d0" for="node" attr.name="label" attr.type="string" />
  <graph edgedefault="directed">
    <node id="a">
      <data key="d0">A &amp; B</data>
    </node>
    <edge source="a" target="a" id="s1">
      <data key="d1">s1</data>
      <data key="d2">False</data>
    </edge>
  </graph>
</graphml>
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

__all__ = ["GraphMLStream", "escape_attribute", "escape_text"]

_NS_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
_NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = ("http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
#: Python type -> GraphML ``attr.type``, as NetworkX's writer names them
_TYPES = {str: "string", bool: "boolean", int: "long", float: "double"}


def escape_text(text: str) -> str:
    """Element text escaped as ElementTree writes it (``&``, ``<``, ``>``).

    >>> escape_text("a < b & c")
    'a &lt; b &amp; c'
    """
    return escape(text)


#: What ElementTree also escapes in an attribute value.
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def escape_attribute(text: str) -> str:
    """An attribute value escaped as ElementTree writes it (also ``"``, CR, LF and tab).

    >>> escape_attribute('say "hi"\\n')
    'say &quot;hi&quot;&#10;'
    """
    return escape(text, _ATTRIBUTE_ENTITIES)


class GraphMLStream:
    """A directed GraphML document written one node or edge at a time (see the module docs).

    Call :meth:`node` for every node, then :meth:`edge` for every edge, in the order they
    should appear (NetworkX's order: nodes in insertion order, then each node's out-edges),
    then :meth:`finish`. The body goes to a temporary file in ``folder`` (removed by
    :meth:`finish` or :meth:`close`).

    Raises (every method): OSError when the body or the target cannot be written;
    TypeError for an attribute value NetworkX's writer does not write either.
    """

    def __init__(self, folder: str | Path) -> None:
        handle, name = tempfile.mkstemp(prefix="graphml-body-", dir=folder)
        self._path = Path(name)
        self._body: BinaryIO | None = os.fdopen(handle, "wb", buffering=1 << 20)
        self._keys: dict[tuple[str, str, str], str] = {}
        self._empty = True

    def _key(self, name: str, scope: str, value: Any) -> str:
        kind = _TYPES.get(type(value))
        if kind is None:
            raise TypeError(f"GraphML writer does not support {type(value)} as data values")
        found = self._keys.get((name, kind, scope))
        if found is None:
            found = self._keys[(name, kind, scope)] = f"d{len(self._keys)}"
        return found

    def _element(self, opening: str, tag: str, scope: str, attrs: Mapping[str, Any]) -> None:
        assert self._body is not None, "finish() was called"
        if not attrs:
            text = f"    {opening} />\n"
        else:
            parts = [f"    {opening}>\n"]
            for name, value in attrs.items():
                key = self._key(str(name), scope, value)
                shown = str(value)
                parts.append(f'      <data key="{key}">{escape_text(shown)}</data>\n' if shown
                             else f'      <data key="{key}" />\n')
            parts.append(f"    </{tag}>\n")
            text = "".join(parts)
        self._body.write(text.encode("utf-8", "xmlcharrefreplace"))
        self._empty = False

    def node(self, node_id: str, attrs: Mapping[str, Any]) -> None:
        """Write a node with its attributes (in the order given)."""
        self._element(f'<node id="{escape_attribute(str(node_id))}"', "node", "node", attrs)

    def edge(self, source: str, target: str, edge_id: str, attrs: Mapping[str, Any]) -> None:
        """Write an edge with its id and attributes (in the order given)."""
        self._element(f'<edge source="{escape_attribute(str(source))}" target='
                      f'"{escape_attribute(str(target))}" id="{escape_attribute(str(edge_id))}"',
                      "edge", "edge", attrs)

    def finish(self, out: BinaryIO) -> None:
        """Write the whole document to ``out`` (the head with the keys, then the body) and
        remove the body file."""
        assert self._body is not None, "finish() was called"
        self._body.close()
        self._body = None
        head = ["<?xml version='1.0' encoding='utf-8'?>\n",
                f'<graphml xmlns="{_NS_GRAPHML}" xmlns:xsi="{_NS_XSI}" '
                f'xsi:schemaLocation="{_SCHEMA}">\n']
        for (name, kind, scope), key in reversed(self._keys.items()):
            head.append(f'  <key id="{key}" for="{scope}" attr.name='
                        f'"{escape_attribute(name)}" attr.type="{kind}" />\n')
        if self._empty:
            head.append('  <graph edgedefault="directed" />\n</graphml>\n')
            out.write("".join(head).encode("utf-8"))
        else:
            head.append('  <graph edgedefault="directed">\n')
            out.write("".join(head).encode("utf-8", "xmlcharrefreplace"))
            with open(self._path, "rb") as body:
                shutil.copyfileobj(body, out, 1 << 20)
            out.write(b"  </graph>\n</graphml>\n")
        self._path.unlink(missing_ok=True)

    def close(self) -> None:
        """Drop the body file (after an error; :meth:`finish` does this itself)."""
        if self._body is not None:
            self._body.close()
            self._body = None
        self._path.unlink(missing_ok=True)
