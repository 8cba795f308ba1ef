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

  function network(div, data) {
    var pos = {};
    data.nodes.forEach(function (n) { pos[n.id] = n; });
    var bins = {};
    var mids = { x: [], y: [], text: [] };
    data.edges.forEach(function (e) {
      var a = pos[e.source], b = pos[e.target];
      if (!a || !b) return;
      var colour = goldsteinColour(e.goldstein_mean);
      var bin = bins[colour] || (bins[colour] = { x: [], y: [], width: 0, n: 0 });
      bin.x.push(a.x, b.x, null);
      bin.y.push(a.y, b.y, null);
      bin.n += 1;
      mids.x.push(a.x * 0.4 + b.x * 0.6);
      mids.y.push(a.y * 0.4 + b.y * 0.6);
      mids.text.push(a.name + " → " + b.name + ": " + e.n_events + " event(s), mean Goldstein " + e.goldstein_mean);
    });
    var traces = Object.keys(bins).map(function (colour) {
      return { type: "scatter", mode: "lines", x: bins[colour].x, y: bins[colour].y, hoverinfo: "skip",
               line: { color: colour, width: 2 }, showlegend: false };
    });
    traces.push({ type: "scatter", mode: "markers", x: mids.x, y: mids.y, text: mids.text, hoverinfo: "text",
                  marker: { size: 6, color: "rgba(0,0,0,0.15)" }, showlegend: false });
    var biggest = Math.max.apply(null, data.nodes.map(function (n) { return n.n_events; }).concat([1]));
    traces.push({
      type: "scatter", mode: "markers+text", name: "actors",
      x: data.nodes.map(function (n) { return n.x; }), y: data.nodes.map(function (n) { return n.y; }),
      text: data.nodes.map(function (n) { return n.name; }), textposition: "top center",
      customdata: data.nodes.map(function (n) { return n.id; }),
      hovertext: data.nodes.map(function (n) { return n.name + (n.code ? " (" + n.code + ")" : "") + ": " + n.n_events + " event(s)"; }),
      hoverinfo: "text",
      marker: { size: data.nodes.map(function (n) { return 10 + 30 * Math.sqrt(n.n_events / biggest); }),
                color: "#f4f1e8", line: { color: "#333333", width: 1.5 } },
      showlegend: false
    });
    var layout = {
      height: 600, margin: { l: 10, r: 10, t: 10, b: 10 }, hovermode: "closest",
      xaxis: { visible: false, range: [-1.25, 1.25] }, yaxis: { visible: false, range: [-1.2, 1.25] }
    };
    if (!data.nodes.length) {
      layout.annotations = [{ text: "no events between two actors match these filters", showarrow: false,
                              xref: "paper", yref: "paper", x: 0.5, y: 0.5 }];
    }
    window.Plotly.newPlot(div, traces, layout, CONFIG).then(function () {
      div.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (point && point.customdata) location.href = "/actors/" + encodeURIComponent(point.customdata);
      });
    });
  }

  function setupCharts() {
    var data = readJSON("page-data");
    if (!data) return;
    document.querySelectorAll("[data-chart]").forEach(function (div) {
      if (!window.Plotly) { div.textContent = "The chart library did not load."; return; }
      if (div.getAttribute("data-chart") === "timeline") timeline(div, data.timeline || []);
      if (div.getAttribute("data-chart") === "network") network(div, data);
    });
  }

  setupArticle();
  setupCharts();
})();
      if (div.getAttribute("data-chart") === "actor-timeline") actorTimeline(div, data.timeline || {});
