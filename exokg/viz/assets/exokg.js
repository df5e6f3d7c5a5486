/* exokg page behaviour: legend and filters, search, tooltips and the details panel.
 *
 * Safety rule of this file: text from the graph (labels, sentences, identifiers) reaches the
 * page only through textContent, DOM properties and setAttribute on fixed attribute names;
 * never through innerHTML, insertAdjacentHTML, document.write or eval. Links are made only
 * from URLs that start with http:// or https:// (built in Python from identifiers).
 */
(function () {
  "use strict";
  var meta = JSON.parse(document.getElementById("exokg-meta").textContent);
  var net = window.network;
  var nodeSet = window.nodes;
  var edgeSet = window.edges;
  var main = document.getElementById("exokg-main");
  var SVG = "http://www.w3.org/2000/svg";

  var state = {
    hiddenClasses: new Set(),
    hiddenKinds: new Set(),
    hiddenSpecies: new Set(),
    hiddenPapers: new Set(),
    hiddenYears: new Set(),
    hideHedged: false,
    hideNegated: false
  };
  var api = { ready: false, readyAt: null, state: state };
  window.exokg = api;

  // -- small DOM helpers ------------------------------------------------------------------
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
  }
  function linkOrText(text, url) {
    var href = safeUrl(url);
    if (!href) { return el("span", null, text); }
    var a = el("a", null, text);
    a.setAttribute("href", href);
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener noreferrer nofollow");
    return a;
  }
  function line(parent, className, text) {
    var d = el("div", className, text);
    parent.appendChild(d);
    return d;
  }
  function shapeIcon(shape, fill, stroke) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    var s;
    var points = {
      diamond: "8,1 15,8 8,15 1,8",
      triangle: "8,1 15,14 1,14",
      triangleDown: "1,2 15,2 8,15",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
      star: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6"
    };
    if (shape === "square") {
      s = document.createElementNS(SVG, "rect");
      s.setAttribute("x", "2"); s.setAttribute("y", "2");
      s.setAttribute("width", "12"); s.setAttribute("height", "12");
    } else if (points[shape]) {
      s = document.createElementNS(SVG, "polygon");
      s.setAttribute("points", points[shape]);
    } else {
      s = document.createElementNS(SVG, "circle");
      s.setAttribute("cx", "8"); s.setAttribute("cy", "8"); s.setAttribute("r", "6");
    }
    s.setAttribute("fill", fill);
    s.setAttribute("stroke", stroke);
    svg.appendChild(s);
    return svg;
  }
  function lineIcon(colour, dash, bar) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "28");
    svg.setAttribute("height", "12");
    svg.setAttribute("viewBox", "0 0 28 12");
    var l = document.createElementNS(SVG, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "6");
    l.setAttribute("x2", "24"); l.setAttribute("y2", "6");
    l.setAttribute("stroke", colour);
    l.setAttribute("stroke-width", "2.5");
    if (dash) { l.setAttribute("stroke-dasharray", dash); }
    svg.appendChild(l);
    var head = document.createElementNS(SVG, bar ? "line" : "polygon");
    if (bar) {
      head.setAttribute("x1", "25"); head.setAttribute("y1", "1");
      head.setAttribute("x2", "25"); head.setAttribute("y2", "11");
      head.setAttribute("stroke", colour); head.setAttribute("stroke-width", "2.5");
    } else {
      head.setAttribute("points", "20,2 27,6 20,10");
      head.setAttribute("fill", colour);
    }
    svg.appendChild(head);
    return svg;
  }

  // -- indexes ------------------------------------------------------------------------------
  var allNodes = nodeSet.get();
  var allEdges = edgeSet.get();
  var nodeById = new Map();
  var classLabel = new Map();
  var kindLabel = new Map();
  var edgesOf = new Map();
  allNodes.forEach(function (n) { nodeById.set(n.id, n); edgesOf.set(n.id, []); });
  meta.classes.forEach(function (c) { classLabel.set(c.name, c.label); });
  meta.kinds.forEach(function (k) { kindLabel.set(k.name, k.label); });
  allEdges.forEach(function (e) {
    if (edgesOf.has(e.from)) { edgesOf.get(e.from).push(e); }
    if (e.to !== e.from && edgesOf.has(e.to)) { edgesOf.get(e.to).push(e); }
  });
  function nodeName(id) {
    var n = nodeById.get(id);
    return n ? n.exo.label : String(id);
  }

  // -- info blocks (tooltip and details panel) ----------------------------------------------
  function nodeInfo(n, full) {
    var d = n.exo;
    var box = el("div", "exokg-info");
    line(box, "exokg-name", d.label);
    line(box, "exokg-sub", (classLabel.get(n.cls) || n.cls) +
      (d.curie ? " \u00b7 " + d.curie : ""));
    if (d.ids && d.ids.length) {
      var ids = line(box, "exokg-ids", "Identifiers: ");
      d.ids.forEach(function (pair, i) {
        if (i) { ids.appendChild(document.createTextNode(", ")); }
        ids.appendChild(linkOrText(pair[0], pair[1]));
      });
    }
    if (d.syn && d.syn.length) { line(box, "exokg-syn", "Also called: " + d.syn.join("; ")); }
    var rels = edgesOf.get(n.id) || [];
    var stmts = rels.filter(function (e) { return e.n > 0 || e.id.indexOf("part:") !== 0; });
    line(box, "exokg-sub", n.ev + " evidence sentence" + (n.ev === 1 ? "" : "s") + " in " +
      stmts.length + " relation" + (stmts.length === 1 ? "" : "s"));
    if (d.desc && full) { line(box, "exokg-desc", d.desc); }
    if (full && rels.length) {
      var ul = el("ul");
      rels.slice(0, 60).forEach(function (e) {
        ul.appendChild(el("li", null, nodeName(e.from) + " \u2014 " + e.exo.label + " \u2192 " +
          nodeName(e.to)));
      });
      if (rels.length > 60) { ul.appendChild(el("li", null, "\u2026 " + (rels.length - 60) + " more")); }
      box.appendChild(ul);
    }
    return box;
  }

  function edgeInfo(e, full) {
    var d = e.exo;
    var box = el("div", "exokg-info");
    var head = line(box, "exokg-name", "");
    head.appendChild(document.createTextNode(nodeName(e.from) + " \u2014 "));
    head.appendChild(el("em", null, d.label));
    head.appendChild(document.createTextNode(" \u2192 " + nodeName(e.to)));
    var flags = line(box, "exokg-sub", "");
    if (e.neg) { flags.appendChild(el("span", "exokg-flag exokg-neg", "negated")); }
    if (e.hedged) { flags.appendChild(el("span", "exokg-flag exokg-hedged", "hedged")); }
    flags.appendChild(document.createTextNode((kindLabel.get(e.kind) || e.kind) + " \u00b7 " +
      d.pred));
    (d.ctx || []).forEach(function (c) { line(box, "exokg-ctx", c[0] + ": " + c[1]); });
    var ev = d.ev || [];
    var shown = full ? ev : ev.slice(0, 3);
    if (e.n > 0) {
      line(box, "exokg-sub", e.n + " evidence sentence" + (e.n === 1 ? "" : "s") + ":");
    } else {
      line(box, "exokg-sub", "Part of the entity's definition (no evidence sentence).");
    }
    shown.forEach(function (x) {
      box.appendChild(el("blockquote", "exokg-sentence", x.t));
      var src = line(box, "exokg-source", "");
      var doc = meta.docs[x.d] || ["", null, null];
      src.appendChild(document.createTextNode("\u2014 " + (doc[0] || "document")));
      if (doc[1]) {
        src.appendChild(document.createTextNode(", from "));
        src.appendChild(linkOrText(doc[1], doc[2]));
      }
      if (x.cit) {
        src.appendChild(document.createTextNode("; cites "));
        src.appendChild(linkOrText(x.cit[0], x.cit[1]));
      }
      if (x.m && x.m.length) { src.appendChild(document.createTextNode(" " + x.m.join(" "))); }
      if (full && x.rule) { src.appendChild(document.createTextNode(" \u00b7 rule " + x.rule)); }
    });
    if (e.n > shown.length) {
      line(box, "exokg-sub", "\u2026 " + (e.n - shown.length) + " more" +
        (full ? " in the graph" : " (click the edge)"));
    }
    if (d.contra && d.contra.length) {
      line(box, "exokg-sub", "Contradicted by:");
      var ul = el("ul");
      d.contra.forEach(function (id) {
        var c = edgeSet.get(id);
        if (c) { ul.appendChild(el("li", null, nodeName(c.from) + " \u2014 " + c.exo.label + " \u2192 " + nodeName(c.to))); }
      });
      box.appendChild(ul);
    }
    return box;
  }

  // -- tooltip ------------------------------------------------------------------------------
  var tip = el("div");
  tip.id = "exokg-tooltip";
  tip.setAttribute("role", "tooltip");
  main.appendChild(tip);
  function showTip(content, pointer) {
    tip.replaceChildren(content);
    tip.style.display = "block";
    var w = main.clientWidth, h = main.clientHeight;
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tip.offsetWidth > w) { x = Math.max(0, pointer.x - tip.offsetWidth - 14); }
    if (y + tip.offsetHeight > h) { y = Math.max(0, h - tip.offsetHeight - 4); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.style.display = "none"; }
  net.on("hoverNode", function (p) {
    var n = nodeSet.get(p.node);
    if (n) { showTip(nodeInfo(n, false), p.pointer.DOM); }
  });
  net.on("hoverEdge", function (p) {
    var e = edgeSet.get(p.edge);
    if (e) { showTip(edgeInfo(e, false), p.pointer.DOM); }
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (ev) { net.on(ev, hideTip); });

  // -- details panel --------------------------------------------------------------------------
  var details = document.getElementById("exokg-details");
  var drawer = document.getElementById("exokg-drawer");
  function showDetails(content) {
    details.replaceChildren(content || el("p", "exokg-hint", "Hover over or click a node or an edge."));
    drawer.hidden = !content;  // the drawer opens over the graph, in view at any height
  }
  document.getElementById("exokg-drawer-close").addEventListener("click", function () {
    showDetails(null);
    net.unselectAll();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !drawer.hidden) { showDetails(null); net.unselectAll(); }
  });
  net.on("click", function (p) {
    if (p.nodes && p.nodes.length) {
      showDetails(nodeInfo(nodeSet.get(p.nodes[0]), true));
    } else if (p.edges && p.edges.length) {
      showDetails(edgeInfo(edgeSet.get(p.edges[0]), true));
    } else {
      showDetails(null);
    }
  });

  // -- filters ------------------------------------------------------------------------------
  function edgeVisible(e) {
    if (state.hiddenKinds.has(e.kind)) { return false; }
    if (state.hideHedged && e.hedged) { return false; }
    if (state.hideNegated && e.neg) { return false; }
    var a = nodeById.get(e.from), b = nodeById.get(e.to);
    if (!a || !b || state.hiddenClasses.has(a.cls) || state.hiddenClasses.has(b.cls)) { return false; }
    if (state.hiddenSpecies.size) {
      var sp = e.exo.species || [];
      if (!sp.length) {
        if (e.n > 0 && state.hiddenSpecies.has("")) { return false; }
      } else if (sp.every(function (s) { return state.hiddenSpecies.has(s); })) {
        return false;
      }
    }
    if ((state.hiddenPapers.size || state.hiddenYears.size) && e.exo.ev && e.exo.ev.length) {
      // shown while some evidence sentence comes from a shown paper of a shown year
      var any = e.exo.ev.some(function (ev) {
        var d = meta.docs[ev.d] || [];
        return !state.hiddenPapers.has(paperOf(d)) && !state.hiddenYears.has(yearOf(d));
      });
      if (!any) { return false; }
    }
    return true;
  }
  function paperOf(doc) { return doc[1] || doc[0] || ""; }
  function yearOf(doc) { return doc[3] ? String(doc[3]) : ""; }
  function applyFilters() {
    var degree = new Map();
    var edgeChanges = [];
    allEdges.forEach(function (e) {
      var visible = edgeVisible(e);
      if (visible) {
        degree.set(e.from, (degree.get(e.from) || 0) + 1);
        degree.set(e.to, (degree.get(e.to) || 0) + 1);
      }
      if (Boolean(e.hidden) === visible) { e.hidden = !visible; edgeChanges.push({ id: e.id, hidden: !visible }); }
    });
    var nodeChanges = [];
    allNodes.forEach(function (n) {
      var visible = !state.hiddenClasses.has(n.cls) &&
        (degree.has(n.id) || edgesOf.get(n.id).length === 0);
      if (Boolean(n.hidden) === visible) { n.hidden = !visible; nodeChanges.push({ id: n.id, hidden: !visible }); }
    });
    if (nodeChanges.length) { nodeSet.update(nodeChanges); }
    if (edgeChanges.length) { edgeSet.update(edgeChanges); }
    updateCounts();
    if (api.ready) { declutterSoon(); }
  }
  function visibleCounts() {
    var n = 0, e = 0;
    allNodes.forEach(function (x) { if (!x.hidden) { n += 1; } });
    allEdges.forEach(function (x) { if (!x.hidden) { e += 1; } });
    return { nodes: n, edges: e };
  }
  function updateCounts() {
    var c = visibleCounts();
    var total = meta.counts;
    var text = total.nodes + " entities, " + total.edges + " relations";
    if (c.nodes !== total.nodes || c.edges !== total.edges) {
      text = "showing " + c.nodes + " of " + total.nodes + " entities, " + c.edges + " of " +
        total.edges + " relations";
    }
    document.getElementById("exokg-counts").textContent = text;
  }
  function toggle(container, icon, text, count, initiallyOn, onChange, key) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = initiallyOn;
    box.setAttribute("data-key", key);
    box.addEventListener("change", function () {
      label.classList.toggle("exokg-off", !box.checked === initiallyOn);
      onChange(box.checked);
      applyFilters();
    });
    label.appendChild(box);
    if (icon) { label.appendChild(icon); }
    label.appendChild(el("span", null, text));
    if (count !== null) { label.appendChild(el("span", "exokg-count", count)); }
    container.appendChild(label);
    return box;
  }
  var classBox = document.getElementById("exokg-classes");
  meta.classes.forEach(function (c) {
    toggle(classBox, shapeIcon(c.shape, c.colour, c.border), c.label, c.count, true, function (on) {
      if (on) { state.hiddenClasses.delete(c.name); } else { state.hiddenClasses.add(c.name); }
    }, "class:" + c.name);
  });
  var kindBox = document.getElementById("exokg-kinds");
  meta.kinds.forEach(function (k) {
    toggle(kindBox, lineIcon(k.colour, null, false), k.label, k.count, true, function (on) {
      if (on) { state.hiddenKinds.delete(k.name); } else { state.hiddenKinds.add(k.name); }
    }, "kind:" + k.name);
  });
  var epiBox = document.getElementById("exokg-epistemics");
  var hedgedCount = allEdges.filter(function (e) { return e.hedged && !e.neg; }).length;
  var negatedCount = allEdges.filter(function (e) { return e.neg; }).length;
  toggle(epiBox, lineIcon("#555", "6 4", false), "hide hedged (dashed)", hedgedCount, false,
    function (on) { state.hideHedged = on; }, "hide:hedged");
  toggle(epiBox, lineIcon("#555", "2 3", true), "hide negated (dotted, \u22a3)", negatedCount, false,
    function (on) { state.hideNegated = on; }, "hide:negated");
  var speciesBox = document.getElementById("exokg-species");
  meta.species.forEach(function (s) {
    toggle(speciesBox, null, s, null, true, function (on) {
      if (on) { state.hiddenSpecies.delete(s); } else { state.hiddenSpecies.add(s); }
    }, "species:" + s);
  });
  if (meta.unspecifiedSpecies && meta.species.length) {
    toggle(speciesBox, null, "not stated", null, true, function (on) {
      if (on) { state.hiddenSpecies.delete(""); } else { state.hiddenSpecies.add(""); }
    }, "species:");
  }
  if (!meta.species.length) { document.getElementById("exokg-species-section").hidden = true; }
  // papers and years: counted in relations whose evidence comes from them
  var paperCount = new Map(), yearCount = new Map();
  allEdges.forEach(function (e) {
    var papers = new Set(), years = new Set();
    (e.exo.ev || []).forEach(function (ev) {
      var d = meta.docs[ev.d] || [];
      papers.add(paperOf(d)); years.add(yearOf(d));
    });
    papers.forEach(function (p) { paperCount.set(p, (paperCount.get(p) || 0) + 1); });
    years.forEach(function (y) { yearCount.set(y, (yearCount.get(y) || 0) + 1); });
  });
  // a filter with one choice filters nothing: its section stays hidden and empty
  var paperBox = document.getElementById("exokg-papers");
  if (paperCount.size > 1) {
    Array.from(paperCount.keys()).sort().forEach(function (p) {
      toggle(paperBox, null, p || "not stated", paperCount.get(p), true, function (on) {
        if (on) { state.hiddenPapers.delete(p); } else { state.hiddenPapers.add(p); }
      }, "paper:" + p);
    });
  } else {
    document.getElementById("exokg-papers-section").hidden = true;
  }
  var yearBox = document.getElementById("exokg-years");
  if (yearCount.size > 1) {
    Array.from(yearCount.keys()).sort().forEach(function (y) {
      toggle(yearBox, null, y || "n.d.", yearCount.get(y), true, function (on) {
        if (on) { state.hiddenYears.delete(y); } else { state.hiddenYears.add(y); }
      }, "year:" + y);
    });
  } else {
    document.getElementById("exokg-years-section").hidden = true;
  }

  document.getElementById("exokg-reset").addEventListener("click", function () {
    state.hiddenClasses.clear(); state.hiddenKinds.clear(); state.hiddenSpecies.clear();
    state.hiddenPapers.clear(); state.hiddenYears.clear();
    state.hideHedged = false; state.hideNegated = false;
    document.querySelectorAll("#exokg-panel .exokg-legend input").forEach(function (box) {
      var key = box.getAttribute("data-key") || "";
      box.checked = key.indexOf("hide:") !== 0;
      box.parentNode.classList.remove("exokg-off");
    });
    applyFilters();
  });
  document.getElementById("exokg-fit").addEventListener("click", function () { net.fit(); });

  // -- export of what is shown ----------------------------------------------------------------
  // The visible relations (filters applied) as CSV or Turtle, and the drawing as PNG, made in
  // the page and saved through a download link: nothing is sent anywhere.
  function visibleEdges() {
    return allEdges.filter(function (e) { return !e.hidden; });
  }
  function csvCell(v) {
    var t = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }
  function exportCsv() {
    var rows = [["subject", "subject_label", "predicate", "relation", "object", "object_label",
                 "kind", "negated", "hedged", "species", "evidence", "publications", "statement"]];
    visibleEdges().forEach(function (e) {
      var a = nodeById.get(e.from), b = nodeById.get(e.to);
      var pubs = new Set((e.exo.ev || []).map(function (ev) { return paperOf(meta.docs[ev.d] || []); }));
      rows.push([a.exo.curie || a.id, a.exo.label, e.exo.pred, e.exo.label, b.exo.curie || b.id,
                 b.exo.label, e.kind, e.neg, e.hedged, (e.exo.species || []).join("|"), e.n,
                 Array.from(pubs).sort().join(" | "), e.id]);
    });
    return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  function iri(text) {
    var t = String(text);
    if (/^https?:\/\//.test(t)) { return "<" + t.replace(/[<>"{}|^`\\\s]/g, encodeURIComponent) + ">"; }
    var colon = t.indexOf(":"), ns = colon > 0 ? meta.prefixes[t.slice(0, colon)] : null;
    return ns ? "<" + (ns + t.slice(colon + 1)).replace(/[<>"{}|^`\\\s]/g, encodeURIComponent) + ">" : null;
  }
  function literal(text) {
    return '"' + String(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"')
      .replace(/\n/g, "\\n").replace(/\r/g, "\\r") + '"';
  }
  function exportTurtle() {
    var lines = ["# the relations shown on the exokg page (statement nodes with their claim)",
                 "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .",
                 "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .", ""];
    var labelled = new Set();
    visibleEdges().forEach(function (e) {
      var s = iri(e.from), o = iri(e.to), p = iri(e.exo.pred);
      if (!s || !o || !p) { return; }
      if (!e.neg) { lines.push(s + " " + p + " " + o + " ."); }
      var st = iri(e.id);
      if (st) {
        lines.push(st + " rdf:subject " + s + " ; rdf:predicate " + p + " ; rdf:object " + o + " .");
      }
      [e.from, e.to].forEach(function (id) {
        if (!labelled.has(id)) {
          labelled.add(id);
          lines.push(iri(id) + " rdfs:label " + literal(nodeById.get(id).exo.label) + " .");
        }
      });
    });
    return lines.join("\n") + "\n";
  }
  function download(name, type, data) {
    var blob = data instanceof Blob ? data : new Blob([data], { type: type });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  document.getElementById("exokg-export-csv").addEventListener("click", function () {
    download("exokg-shown.csv", "text/csv", exportCsv());
  });
  document.getElementById("exokg-export-ttl").addEventListener("click", function () {
    download("exokg-shown.ttl", "text/turtle", exportTurtle());
  });
  document.getElementById("exokg-export-png").addEventListener("click", function () {
    var canvas = document.querySelector("#mynetwork canvas");
    canvas.toBlob(function (blob) { download("exokg-shown.png", "image/png", blob); }, "image/png");
  });
  api.exportCsv = exportCsv;
  api.exportTurtle = exportTurtle;

  // -- search -------------------------------------------------------------------------------
  // The same folding as exokg/resolve.py: each node carries the resolver's keys
  // (exo.keys: "l:" letters and digits, "m:" miRNA, "w:" words), and the query's keys
  // are made here by the same rules.
  function norm(s) {
    return String(s).normalize("NFKC").toLowerCase().replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/\s+/g, " ").trim();
  }
  var FILLER = new Set(["derived", "from", "of", "the", "a", "an", "with", "in", "and", "by",
                        "for", "to", "on"]);
  function queryKeys(text) {
    var n = norm(text), keys = [];
    var loose = n.replace(/[^0-9a-z]+/g, "");
    if (loose) { keys.push("l:" + loose); }
    var m = /^(?:[a-z]{3,4}-)?(micro-?\s?rna|mirna|mir|let)[-\s]?(\d+[a-z]?)(?:-\d)?(?:-[35]p|\*)?$/.exec(n);
    if (m) { keys.push("m:" + (m[1] === "let" ? "let" : "mir") + m[2]); }
    var words = (n.match(/[0-9a-z]+/g) || []).filter(function (w) { return !FILLER.has(w); })
      .map(function (w) { return w.length > 3 && /s$/.test(w) && !/ss$/.test(w) ? w.slice(0, -1) : w; });
    if (words.length >= 2) { keys.push("w:" + words.sort().join(" ")); }
    return keys;
  }
  var names = [];
  var keyed = new Map();
  var seenNames = new Set();
  var datalist = document.getElementById("exokg-names");
  allNodes.forEach(function (n) {
    var keys = [n.exo.label].concat(n.exo.syn || []);
    if (n.exo.curie) { keys.push(n.exo.curie); }
    keys.forEach(function (k, i) {
      names.push({ key: norm(k), id: n.id, primary: i === 0 });
      if (i === 0 && !seenNames.has(k) && seenNames.size < 5000) {
        seenNames.add(k);
        var o = el("option");
        o.value = k;
        datalist.appendChild(o);
      }
    });
    (n.exo.keys || []).forEach(function (k) {
      if (!keyed.has(k)) { keyed.set(k, []); }
      keyed.get(k).push(n.id);
    });
  });
  var lastQuery = null, lastIndex = 0;
  function search(text) {
    var status = document.getElementById("exokg-search-status");
    var q = norm(text);
    status.classList.remove("exokg-miss");
    if (!q) { status.textContent = ""; return null; }
    var exact = [], prefix = [], part = [];
    names.forEach(function (x) {
      if (x.key === q) { exact.push(x.id); } else if (x.key.indexOf(q) === 0) { prefix.push(x.id); } else if (x.key.indexOf(q) > 0) { part.push(x.id); }
    });
    var same = [];
    queryKeys(text).forEach(function (k) { same = same.concat(keyed.get(k) || []); });
    var found = exact.length ? exact : (same.length ? same : (prefix.length ? prefix : part));
    found = Array.from(new Set(found));
    if (!found.length) {
      status.classList.add("exokg-miss");
      status.textContent = "No entity matches \u201c" + text + "\u201d.";
      return null;
    }
    found.sort(function (a, b) {
      var na = nodeById.get(a), nb = nodeById.get(b);
      return (nb.ev - na.ev) || (na.exo.label < nb.exo.label ? -1 : na.exo.label > nb.exo.label ? 1 : 0);
    });
    lastIndex = q === lastQuery ? (lastIndex + 1) % found.length : 0;
    lastQuery = q;
    var id = found[lastIndex];
    var node = nodeById.get(id);
    net.selectNodes([id]);
    net.focus(id, { scale: Math.max(net.getScale(), 1.1), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showDetails(nodeInfo(nodeSet.get(id), true));
    var msg = (found.length > 1 ? (lastIndex + 1) + " of " + found.length + " matches: " : "Found: ") + node.exo.label;
    if (node.hidden) { msg += " (hidden by the filters; \u201cShow all\u201d shows it)"; }
    if (found.length > 1) { msg += " \u2014 Find again for the next"; }
    status.textContent = msg;
    return id;
  }
  document.getElementById("exokg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("exokg-search").value);
  });

  // -- labels that never pile up ------------------------------------------------------------
  // A label smaller than meta.labelMin screen pixels is hidden, and so is one that would
  // overlap the label of an entity with more evidence; zooming in brings them back. Runs
  // when the layout settles, after zooming, dragging and filtering.
  var measure = document.createElement("canvas").getContext("2d");
  var mutedLabel = { color: "rgba(0,0,0,0)", strokeWidth: 0 };
  function declutter() {
    var scale = net.getScale();
    var placed = [];
    var changes = [];
    var order = allNodes.slice().sort(function (a, b) { return (b.ev - a.ev) || (a.id < b.id ? -1 : 1); });
    var positions = net.getPositions();
    order.forEach(function (n) {
      var base = (n.font && n.font.size) || 14;
      var px = base * scale;
      var keep = false;  // below meta.labelMin vis-network would only draw a faint label
      if (!n.hidden && n.label && px >= meta.labelMin && positions[n.id]) {
        var p = net.canvasToDOM(positions[n.id]);
        var bottom = net.canvasToDOM({ x: 0, y: net.getBoundingBox(n.id).bottom }).y;
        measure.font = px + "px sans-serif";
        var w = measure.measureText(n.label).width;
        var box = { x0: p.x - w / 2 - 2, x1: p.x + w / 2 + 2, y0: bottom - px, y1: bottom + px * 0.25 };
        keep = !placed.some(function (q) { return box.x0 < q.x1 && q.x0 < box.x1 && box.y0 < q.y1 && q.y0 < box.y1; });
        if (keep) { placed.push(box); }
      }
      var muted = !keep;
      if (Boolean(n.labelMuted) !== muted) {
        n.labelMuted = muted;
        changes.push({ id: n.id, labelMuted: muted,
                       font: muted ? Object.assign({ size: base }, mutedLabel) : { size: base, color: "#343434", strokeWidth: 3 } });
      }
    });
    if (changes.length) { nodeSet.update(changes); }
    api.labelsShown = placed.length;
  }
  var declutterTimer = null;
  function declutterSoon() {
    if (declutterTimer) { clearTimeout(declutterTimer); }
    declutterTimer = setTimeout(function () { declutterTimer = null; declutter(); }, 120);
  }
  ["zoom", "dragEnd", "stabilized"].forEach(function (ev) { net.on(ev, declutterSoon); });
  api.declutter = declutter;

  // -- start --------------------------------------------------------------------------------
  function markReady() {
    declutter();
    if (api.ready) { return; }
    api.ready = true;
    api.readyAt = performance.now();
    document.body.setAttribute("data-exokg-state", "ready");
  }
  api.search = search;
  api.applyFilters = applyFilters;
  api.visibleCounts = visibleCounts;
  api.nodeInfo = nodeInfo;
  api.edgeInfo = edgeInfo;
  updateCounts();
  if (meta.physics && allNodes.length > 1) {
    net.once("stabilizationIterationsDone", function () {
      net.stopSimulation();
      net.fit();
      markReady();
    });
    net.setOptions({ physics: meta.physics });
    net.stabilize(meta.physics.stabilization.iterations);
  } else {
    net.once("afterDrawing", function () { net.fit(); markReady(); });
    net.redraw();
  }
}());
