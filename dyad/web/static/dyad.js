// dyad web pages: the detail panel of annotated articles and the Plotly charts.
// Everything from the server is written with textContent, never parsed as HTML.
(function () {
  "use strict";

  function readJSON(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // --- annotated article ---------------------------------------------------------
  var KIND_RANK = { event: 0, actor: 1, quote: 2 };

  function setupArticle() {
    var records = readJSON("records");
    var panel = document.getElementById("detail");
    var text = document.getElementById("doc-text");
    if (!records || !panel || !text) return;
    var pinned = null;

    function refsOf(node) {
      return (node.getAttribute("data-refs") || "").split(" ").filter(Boolean).sort(function (a, b) {
        return KIND_RANK[a.split(":")[0]] - KIND_RANK[b.split(":")[0]];
      });
    }

    function show(refs) {
      panel.replaceChildren();
      refs.forEach(function (ref) {
        var record = records[ref];
        if (!record) return;
        var box = el("div", "record record-" + record.kind);
        var head = el("h3", null);
        head.appendChild(el("span", "kind", record.kind));
        if (record.href) {
          var link = el("a", null, record.title);
          link.setAttribute("href", record.href);
          head.appendChild(link);
        } else {
          head.appendChild(el("span", null, record.title));
        }
        box.appendChild(head);
        var list = el("dl", null);
        record.fields.forEach(function (pair) {
          list.appendChild(el("dt", null, pair[0]));
          list.appendChild(el("dd", pair[0] === "evidence" ? "evidence" : null, pair[1]));
        });
        box.appendChild(list);
        panel.appendChild(box);
      });
      var wanted = {};
      refs.forEach(function (r) { wanted[r] = true; });
      document.querySelectorAll("[data-refs]").forEach(function (node) {
        var hit = refsOf(node).some(function (r) { return wanted[r]; });
        node.classList.toggle("active", hit);
      });
    }

    function target(event) {
      var node = event.target;
      return node && node.closest ? node.closest("[data-refs]") : null;
    }

    document.addEventListener("mouseover", function (event) {
      var node = target(event);
      if (node && !pinned) show(refsOf(node));
    });
    document.addEventListener("focusin", function (event) {
      var node = target(event);
      if (node) show(refsOf(node));
    });
    document.addEventListener("click", function (event) {
      var node = target(event);
      if (!node || (event.target.closest && event.target.closest("a"))) return;
      pinned = pinned === node ? null : node;
      show(refsOf(node));
    });
    var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    var match = /^(actor|event|quote)-(.+)$/.exec(hash);
    if (match && records[match[1] + ":" + match[2]]) show([match[1] + ":" + match[2]]);
  }

  // --- charts --------------------------------------------------------------------
  var CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["toImage"] };

  // An actor's merged events per week or month: as source above, as target below, stacked by QuadClass.
  var QUAD_NAMES = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  var QUAD_COLOURS = ["#67a9cf", "#2166ac", "#ef8a62", "#b2182b"];
  var DAY_MS = 86400000;

  function actorTimeline(div, timeline) {
    var rows = timeline.rows || [];
    var width = (timeline.period === "week" ? 6 : 27) * DAY_MS;
    var starts = rows.map(function (r) { return r.start; });
    var labels = rows.map(function (r) { return r.label; });
    var biggest = 1;
    var traces = [];
    [["as_source", "y", "as source"], ["as_target", "y2", "as target"]].forEach(function (part) {
      var totals = rows.map(function () { return 0; });
      QUAD_NAMES.forEach(function (name, q) {
        var counts = rows.map(function (r, i) { totals[i] += r[part[0]][q]; return r[part[0]][q] || null; });
        traces.push({
          type: "bar", name: name, legendgroup: "q" + (q + 1), showlegend: part[0] === "as_source",
          x: starts, y: counts, yaxis: part[1], width: width, offset: 0, customdata: labels,
          marker: { color: QUAD_COLOURS[q] },
          hovertemplate: "%{customdata}<br>%{y} " + name + " " + part[2] + "<extra></extra>"
        });
      });
      biggest = Math.max.apply(null, totals.concat([biggest]));
    });
    var ticks = biggest <= 6 ? { dtick: 1 } : {};
    var layout = {
      barmode: "stack", bargap: 0, height: 440, margin: { l: 70, r: 20, t: 36, b: 40 }, hovermode: "closest",
      xaxis: { type: "date", anchor: "y2", title: { text: timeline.period === "week" ? "week" : "month" } },
      yaxis: Object.assign({ domain: [0.56, 1], title: { text: "as source" }, rangemode: "tozero" }, ticks),
      yaxis2: Object.assign({ domain: [0, 0.44], title: { text: "as target" }, rangemode: "tozero" }, ticks),
      legend: { orientation: "h", x: 0, y: 1, yanchor: "bottom" }
    };
    if (!rows.length) {
      layout.annotations = [{ text: "no dated merged events", showarrow: false, xref: "paper", yref: "paper", x: 0.5, y: 0.5 }];
    }
    window.Plotly.newPlot(div, traces, layout, CONFIG);
  }

  function goldsteinColour(g) {
    if (g === null || g === undefined) return "#888888";
    if (g <= -5) return "#b2182b";
    if (g < -1) return "#ef8a62";
    if (g <= 1) return "#999999";
    if (g < 5) return "#67a9cf";
    return "#2166ac";
  }

  function timeline(div, rows) {
    var months = rows.map(function (r) { return r.month; });
    var traces = [
      { type: "bar", name: "cooperation", x: months, y: rows.map(function (r) { return r.cooperation; }), marker: { color: "#2166ac" } },
      { type: "bar", name: "conflict", x: months, y: rows.map(function (r) { return -r.conflict; }), marker: { color: "#b2182b" },
        customdata: rows.map(function (r) { return r.conflict; }), hovertemplate: "%{x}: %{customdata} conflict<extra></extra>" },
      { type: "scatter", mode: "lines+markers", name: "mean Goldstein", x: months, yaxis: "y2",
        y: rows.map(function (r) { return r.goldstein_mean; }), line: { color: "#333333" } }
    ];
    var layout = {
      barmode: "relative", height: 320, margin: { l: 50, r: 50, t: 20, b: 40 },
      xaxis: { type: "category", title: { text: "month" } },
      yaxis: { title: { text: "events (conflict below 0)" }, zeroline: true },
      yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", range: [-10, 10], showgrid: false },
      legend: { orientation: "h", y: -0.25 }
    };
    if (!rows.length) {
      layout.annotations = [{ text: "no dated merged events", showarrow: false, xref: "paper", yref: "paper", x: 0.5, y: 0.5 }];
    }
    window.Plotly.newPlot(div, traces, layout, CONFIG);
  }

  // --- network -------------------------------------------------------------------
  var PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4", "#b15928"];
  var OTHER = "#bbbbbb";
  // Kinds keep their colour from view to view; countries take the palette in order of frequency.
  var KIND_COLOURS = { PERSON: "#1b9e77", COUNTRY: "#e7298a", ORGANIZATION: "#7570b3", GROUP: "#d95f02",
                       IGO: "#66a61e", LOCATION: "#e6ab02" };
  var LABELS_IN_VIEW = 18;  // as many names as the server labels, re-picked among the nodes in view on zoom

  function edgeWidth(n) { return n >= 8 ? 5 : n >= 4 ? 3.2 : n >= 2 ? 1.8 : 0.8; }

  function categoryOf(node, by) {
    var value = by === "country" ? node.country : node.kind;
    return value || (by === "country" ? "no country" : "unknown");
  }

  function categories(nodes, by) {
    // The commonest values get a colour each, the rest share grey: a legend of at most ten entries.
    var counts = {};
    nodes.forEach(function (n) { var c = categoryOf(n, by); counts[c] = (counts[c] || 0) + 1; });
    var names = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); });
    var colours = {};
    var i = 0;
    names.forEach(function (name) {
      if (by === "kind") colours[name] = KIND_COLOURS[name] || OTHER;
      else if (name === "no country" || i >= PALETTE.length) colours[name] = OTHER;
      else colours[name] = PALETTE[i++];
    });
    return { names: names, colours: colours, counts: counts };
  }

  function edgeTraces(data, pos) {
    var bins = {};
    var mids = { x: [], y: [], text: [] };
    data.edges.forEach(function (e) {
      var a = pos[e.source], b = pos[e.target];
      if (!a || !b) return;
      var colour = goldsteinColour(e.goldstein_mean), width = edgeWidth(e.n_events);
      var key = colour + "|" + width;
      var bin = bins[key] || (bins[key] = { x: [], y: [], colour: colour, width: width });
      bin.x.push(a.x, b.x, null);
      bin.y.push(a.y, b.y, null);
      mids.x.push(a.x * 0.4 + b.x * 0.6);
      mids.y.push(a.y * 0.4 + b.y * 0.6);
      mids.text.push(a.name + " → " + b.name + ": " + e.n_events + " event(s), mean Goldstein " + e.goldstein_mean);
    });
    var traces = Object.keys(bins).sort().map(function (key) {
      var bin = bins[key];
      return { type: "scatter", mode: "lines", x: bin.x, y: bin.y, hoverinfo: "skip", showlegend: false,
               line: { color: bin.colour, width: bin.width }, opacity: bin.width < 1 && data.edges.length > 150 ? 0.35 : 0.6 };
    });
    traces.push({ type: "scatter", mode: "markers", x: mids.x, y: mids.y, text: mids.text, hoverinfo: "text",
                  marker: { size: 5, color: "rgba(0,0,0,0.12)" }, showlegend: false });
    return traces;
  }

  function nodeTraces(data, by) {
    var cats = categories(data.nodes, by);
    return cats.names.map(function (name) {
      var members = data.nodes.filter(function (n) { return categoryOf(n, by) === name; });
      return {
        type: "scatter", mode: "markers+text", name: name + " (" + cats.counts[name] + ")", legendgroup: name,
        x: members.map(function (n) { return n.x; }), y: members.map(function (n) { return n.y; }),
        // A space, not "", for an unnamed node: a trace drawn with no text at all never draws text later (plotly.js).
        text: members.map(function (n) { return n.place ? n.name : " "; }),
        textposition: members.map(function (n) { return n.place || "top center"; }), cliponaxis: false,
        textfont: { size: 13, color: "#111111", shadow: "0 0 3px #ffffff, 0 0 3px #ffffff, 0 0 2px #ffffff" },
        customdata: members.map(function (n) { return n.id; }),
        hovertext: members.map(function (n) {
          return n.name + (n.code ? " (" + n.code + ")" : "") + "<br>" + (n.kind || "") + (n.country ? " · " + n.country : "") +
                 "<br>" + n.n_events + " event(s), " + n.degree + " partner(s) shown";
        }),
        hoverinfo: "text",
        marker: { size: members.map(function (n) { return n.size; }),
                  color: cats.colours[name], line: { color: "#333333", width: 1 } }
      };
    });
  }


  var PLACES = ["top center", "bottom center", "middle right", "middle left", "top right", "top left",
                "bottom right", "bottom left"];

  function labelBox(n, place, px, py) {
    // The box a name takes beside its marker, in pixels: ~0.56 em a character at 13 px, one line high.
    var w = 7.4 * n.name.length, h = 16, r = n.size / 2 + 2;
    var vertical = place.split(" ")[0], horizontal = place.split(" ")[1];
    var x0 = horizontal === "center" ? px - w / 2 : horizontal === "right" ? px + r : px - r - w;
    var y0 = vertical === "top" ? py - r - h : vertical === "bottom" ? py + r : py - h / 2;
    if (vertical !== "middle" && horizontal !== "center") x0 = horizontal === "right" ? px : px - w;
    return [x0, y0, x0 + w, y0 + h];
  }

  function overlap(a, b) {
    return Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  }

  function placeLabels(div, data, labelled) {
    // Greedy, busiest first: each name goes where it covers the least of the names already placed and of
    // the markers around it (estimated from the font size, so a little slack stays).
    var xa = div._fullLayout.xaxis, ya = div._fullLayout.yaxis;
    var px = function (n) { return xa.l2p(n.x); }, py = function (n) { return ya.l2p(n.y); };
    var markers = data.nodes.map(function (n) {
      var r = n.size / 2; return [px(n) - r, py(n) - r, px(n) + r, py(n) + r];
    });
    var placed = [];
    data.nodes.forEach(function (n) { n.place = null; });
    data.nodes.filter(function (n) { return labelled[n.id]; }).forEach(function (n) {
      var best = null, bestCost = Infinity;
      PLACES.forEach(function (place, rank) {
        var box = labelBox(n, place, px(n), py(n));
        var cost = rank * 4;
        placed.forEach(function (other) { cost += 10 * overlap(box, other); });
        markers.forEach(function (m) { cost += overlap(box, m); });
        if (cost < bestCost) { bestCost = cost; best = place; }
      });
      n.place = best;
      placed.push(labelBox(n, best, px(n), py(n)));
    });
  }

  function network(div, data) {
    var pos = {};
    var labelled = {};
    var biggest = Math.max.apply(null, data.nodes.map(function (n) { return n.n_events; }).concat([1]));
    data.nodes.forEach(function (n) {
      pos[n.id] = n;
      var large = data.nodes.length > 150;
      // The centre of an ego view is drawn at full size: it is what the page is about.
      var share = n.id === data.ego ? 1 : n.n_events / biggest;
      n.size = (large ? 5 : 7) + (large ? 20 : 26) * Math.sqrt(share);
      if (n.label) labelled[n.id] = true;
    });
    var select = document.getElementById("colour-by");
    var by = select ? select.value : "kind";
    var xs = data.nodes.map(function (n) { return n.x; }), ys = data.nodes.map(function (n) { return n.y; });
    var pad = function (values, lo, hi) {
      var min = Math.min.apply(null, values.concat([-1])), max = Math.max.apply(null, values.concat([1]));
      var span = max - min;
      return [min - span * lo, max + span * hi];
    };
    var layout = {
      margin: { l: 10, r: 10, t: 10, b: 10 }, hovermode: "closest", dragmode: "pan",
      xaxis: { visible: false, range: pad(xs, 0.07, 0.07) }, yaxis: { visible: false, range: pad(ys, 0.04, 0.06) },
      uirevision: "network",
      legend: { title: { text: "colour: " + by }, orientation: "h", x: 0, y: -0.01, yanchor: "top",
                bgcolor: "rgba(255,255,255,0.85)", itemclick: "toggle" }
    };
    if (!data.nodes.length) {
      layout.annotations = [{ text: "no events between two actors match these filters", showarrow: false,
                              xref: "paper", yref: "paper", x: 0.5, y: 0.5 }];
    }
    var config = { displaylogo: false, responsive: true, scrollZoom: true,
                   modeBarButtonsToRemove: ["toImage", "select2d", "lasso2d"] };

    function traces() { return edgeTraces(data, pos).concat(nodeTraces(data, by)); }

    var drawing = false;

    function relabel() {
      if (drawing) return;
      // The busiest nodes inside the visible window get names, so zooming in names the middle of the graph.
      var x = div._fullLayout.xaxis.range, y = div._fullLayout.yaxis.range;
      var inView = data.nodes.filter(function (n) { return n.x >= x[0] && n.x <= x[1] && n.y >= y[0] && n.y <= y[1]; });
      var wanted = inView.length === data.nodes.length ? data.nodes.filter(function (n) { return n.label; })
        : inView.sort(function (a, b) { return b.n_shown - a.n_shown || b.degree - a.degree; }).slice(0, LABELS_IN_VIEW);
      labelled = {};
      wanted.forEach(function (n) { labelled[n.id] = true; });
      if (data.ego) labelled[data.ego] = true;
      placeLabels(div, data, labelled);
      drawing = true;  // react keeps the user's zoom (uirevision) and does not call back here
      return window.Plotly.react(div, traces(), layout, config).then(function () { drawing = false; });
    }

    window.Plotly.newPlot(div, traces(), layout, config).then(function () {
      relabel().then(function () { div.setAttribute("data-ready", "true"); });
      div.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (point && typeof point.customdata === "string") location.href = "/actors/" + encodeURIComponent(point.customdata);
      });
      div.on("plotly_relayout", relabel);
      if (select) {
        select.addEventListener("change", function () {
          by = select.value;
          layout.legend.title.text = "colour: " + by;
          relabel();
        });
      }
    });
  }

  function setupPeriod() {
    // Typing a date of one's own clears the period preset; choosing a preset applies it at once.
    var period = document.getElementById("period");
    if (!period || !period.form) return;
    ["since", "until"].forEach(function (name) {
      var input = period.form.elements[name];
      if (input) input.addEventListener("input", function () { period.value = ""; });
    });
    period.addEventListener("change", function () {
      if (period.value) {
        period.form.elements.since.value = "";
        period.form.elements.until.value = "";
      }
      period.form.submit();
    });
  }

  function setupCharts() {
    var data = readJSON("page-data");
    if (!data) return;
    document.querySelectorAll("[data-chart]").forEach(function (div) {
      if (!window.Plotly) { div.textContent = "The chart library did not load."; return; }
      if (div.getAttribute("data-chart") === "timeline") timeline(div, data.timeline || []);
      if (div.getAttribute("data-chart") === "actor-timeline") actorTimeline(div, data.timeline || {});
      if (div.getAttribute("data-chart") === "network") network(div, data);
    });
  }

  setupArticle();
  setupPeriod();
  setupCharts();
})();
