/// The page around the data of `MapperPage` (`{layers, viridis, inputs}`). Layout:
/// Fruchterman–Reingold from nodes on a circle (deterministic, so the same graph always looks
/// the same), 400 cooling steps. The fragment `#layer=K&node=ID&label=L` is read on load and on
/// every change, and rewritten as the user picks a layer, a node or a label.
let htmlTemplate = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>__TITLE__</title>
<style>
body { margin: 0; font: 13px sans-serif; background: #fff; color: #222; }
#bar { position: absolute; top: 8px; left: 10px; right: 10px; background: rgba(255,255,255,0.85); padding: 4px 8px; }
#legend span { display: inline-block; margin-right: 8px; cursor: pointer; }
#legend span.on { font-weight: bold; text-decoration: underline; }
#legend i, #panel i { display: inline-block; width: 10px; height: 10px; margin-right: 3px; }
#tip { position: absolute; display: none; white-space: pre; background: #222; color: #fff;
       padding: 6px 8px; border-radius: 4px; pointer-events: none; font-size: 12px; }
#panel { position: absolute; top: 0; right: 0; bottom: 0; width: 330px; overflow-y: auto; display: none;
         background: #f6f6f6; border-left: 1px solid #ccc; padding: 10px 12px; box-sizing: border-box; }
#panel h2 { font-size: 15px; margin: 0 0 6px; word-break: break-all; }
#panel table { border-collapse: collapse; margin-bottom: 8px; }
#panel td { padding: 1px 6px 1px 0; vertical-align: top; }
#panel .hist div { cursor: pointer; white-space: nowrap; }
#panel .hist b { display: inline-block; height: 9px; background: #888; margin: 0 4px; vertical-align: middle; }
#panel .grid { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; }
#panel figure { margin: 0; text-align: center; font-size: 10px; color: #555; }
#panel canvas.thumb { display: block; width: 56px; height: 56px; image-rendering: pixelated; background: #fff; border: 1px solid #ddd; }
#panel textarea { width: 100%; height: 60px; font: 11px monospace; }
#panel .close { float: right; cursor: pointer; border: none; background: none; font-size: 16px; }
#c { display: block; }
</style>
</head>
<body>
<div id="bar"><select id="graph"></select> <b id="title"></b> <span id="stats"></span>
 colour: <select id="mode"><option value="label">label shares</option><option value="lens">mean lens</option>
 <option value="size">size</option></select> <span style="color:#777">click a node for its members</span><div id="legend"></div></div>
<div id="tip"></div>
<canvas id="c"></canvas>
<div id="panel"></div>
<script>
"use strict";
const P = __DATA__, GS = P.layers, IN = P.inputs || null;
const panelWidth = 330, layouts = [];
let G, N, lensT, sizeT, radius, px, py, labelColour, labelFill, current = -1, selected = -1, highlight = null;
// A ring label (tda-plot's mark for classes 8-15) fills a pie slice with stripes of its colour.
function stripes(colour) {
  const tile = document.createElement("canvas"), t = tile.getContext("2d");
  tile.width = tile.height = 6; t.fillStyle = "#fff"; t.fillRect(0, 0, 6, 6);
  t.strokeStyle = colour; t.lineWidth = 2.2; t.beginPath(); t.moveTo(-1, 7); t.lineTo(7, -1); t.stroke();
  return ctx.createPattern(tile, "repeat");
}
// A legend or histogram swatch: filled, or a ring of the colour.
function swatch(parent, label) {
  const sw = element("i", undefined, parent), ring = G.labelRings[G.labels.indexOf(label)];
  sw.style.background = ring ? "#fff" : labelColour[label] || "#000";
  if (ring) { sw.style.boxSizing = "border-box"; sw.style.border = "3px solid " + labelColour[label]; }
}
function seq(t) {
  const stops = P.viridis, last = stops.length - 1;
  const x = Math.min(Math.max(isFinite(t) ? t : 0, 0), 1) * last, k = Math.min(Math.floor(x), last - 1), f = x - k;
  const a = stops[k], b = stops[k + 1];
  return "rgb(" + [0, 1, 2].map(i => Math.round(a[i] + f * (b[i] - a[i]))).join(",") + ")";
}
function scaled(v) {
  let lo = Infinity, hi = -Infinity;
  for (const x of v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
  return v.map(x => hi > lo ? (x - lo) / (hi - lo) : 0.5);
}
// Fruchterman-Reingold on a unit area, start on a circle.
function layout(g) {
  const n = g.nodes.length, x = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) { x[i] = Math.cos(2 * Math.PI * i / n); y[i] = Math.sin(2 * Math.PI * i / n); }
  const k = Math.sqrt(4 / Math.max(n, 1));
  for (let step = 0, temp = 0.2; step < 400; step++, temp *= 0.99) {
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let ex = x[i] - x[j], ey = y[i] - y[j], d2 = ex * ex + ey * ey + 1e-9;
      const f = k * k / d2; dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
    }
    for (const [a, b] of g.links) {
      const ex = x[a] - x[b], ey = y[a] - y[b], d = Math.sqrt(ex * ex + ey * ey) + 1e-9, f = d / k;
      dx[a] -= ex * f; dy[a] -= ey * f; dx[b] += ex * f; dy[b] += ey * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] -= 0.05 * x[i] * n; dy[i] -= 0.05 * y[i] * n;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 1e-9, m = Math.min(d, temp);
      x[i] += dx[i] / d * m; y[i] += dy[i] / d * m;
    }
  }
  return [x, y];
}
function load(k) {
  current = k; G = GS[k]; N = G.nodes.length; selected = -1;
  labelColour = {}; labelFill = {};
  G.labels.forEach((l, i) => { labelColour[l] = G.labelColours[i]; labelFill[l] = G.labelRings[i] ? stripes(G.labelColours[i]) : G.labelColours[i]; });
  lensT = scaled(G.nodes.map(n => n.lens)); sizeT = scaled(G.nodes.map(n => Math.log(n.size)));
  let maxSize = 1;
  for (const n of G.nodes) maxSize = Math.max(maxSize, n.size);
  radius = G.nodes.map(n => 4 + 14 * Math.sqrt(n.size / maxSize));
  if (!layouts[k]) layouts[k] = layout(G);
  [px, py] = layouts[k];
  menu.value = String(k);
  document.getElementById("title").textContent = G.title;
  document.getElementById("stats").textContent = G.stats;
}
const canvas = document.getElementById("c"), ctx = canvas.getContext("2d"), panel = document.getElementById("panel");
const menu = document.getElementById("graph");
let sx = [], sy = [];
function holds(n, label) { return n.hist.some(h => h[0] === label); }
function draw() {
  const W = canvas.width = Math.max(200, window.innerWidth - (selected >= 0 ? panelWidth : 0)), H = canvas.height = window.innerHeight;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < N; i++) { x0 = Math.min(x0, px[i]); x1 = Math.max(x1, px[i]); y0 = Math.min(y0, py[i]); y1 = Math.max(y1, py[i]); }
  const s = Math.min((W - 80) / Math.max(x1 - x0, 1e-9), (H - 140) / Math.max(y1 - y0, 1e-9));
  sx = Array.from(px, x => 40 + (x - x0) * s + (W - 80 - (x1 - x0) * s) / 2);
  sy = Array.from(py, y => 110 + (y - y0) * s + (H - 140 - (y1 - y0) * s) / 2);
  document.getElementById("bar").style.right = (selected >= 0 ? panelWidth + 10 : 10) + "px";
  ctx.clearRect(0, 0, W, H);
  ctx.strokeStyle = "#999"; ctx.lineWidth = 1.2;
  for (const [a, b] of G.links) { ctx.beginPath(); ctx.moveTo(sx[a], sy[a]); ctx.lineTo(sx[b], sy[b]); ctx.stroke(); }
  const mode = document.getElementById("mode").value;
  G.nodes.forEach((n, i) => {
    ctx.globalAlpha = highlight === null || holds(n, highlight) ? 1 : 0.15;
    if (mode === "label" && n.top.length) {
      let start = -Math.PI / 2, rest = 1;
      for (const [label, share] of n.top) {
        slice(i, start, start + 2 * Math.PI * share, labelFill[label] || "#000"); start += 2 * Math.PI * share; rest -= share;
      }
      if (rest > 1e-9) slice(i, start, start + 2 * Math.PI * rest, "#ddd");
    } else {
      ctx.fillStyle = seq(mode === "size" ? sizeT[i] : lensT[i]);
      ctx.beginPath(); ctx.arc(sx[i], sy[i], radius[i], 0, 2 * Math.PI); ctx.fill();
    }
    const marked = i === selected || (highlight !== null && holds(n, highlight));
    ctx.strokeStyle = i === selected ? "#d00" : "#333"; ctx.lineWidth = marked ? 2.5 : 0.8;
    ctx.beginPath(); ctx.arc(sx[i], sy[i], radius[i] + (i === selected ? 2 : 0), 0, 2 * Math.PI); ctx.stroke();
  });
  ctx.globalAlpha = 1;
  const legend = document.getElementById("legend");
  legend.textContent = "";
  if (mode === "label") for (const l of [...G.labels].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))) {
    const span = document.createElement("span");
    swatch(span, l); span.appendChild(document.createTextNode(l));
    if (l === highlight) span.className = "on";
    span.title = "highlight the nodes holding " + l;
    span.addEventListener("click", () => pickLabel(l));
    legend.appendChild(span);
  } else legend.textContent = (mode === "size" ? "log size" : "mean lens") + ": dark = low, yellow = high";
}
function slice(i, a, b, colour) {
  ctx.fillStyle = colour; ctx.beginPath(); ctx.moveTo(sx[i], sy[i]); ctx.arc(sx[i], sy[i], radius[i], a, b); ctx.closePath(); ctx.fill();
}
function element(tag, text, parent) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}
function number(x) { return x === undefined ? "" : Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(3) : x.toFixed(4); }
// A probe input as bytes 0..255 (the page's one linear scale of all inputs).
function inputBytes(row) {
  const text = atob(IN.rows[String(row)] || ""), b = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) b[i] = text.charCodeAt(i);
  return b;
}
// A thumbnail: the image (RGB for 3 channels, else the channel mean in grey), or for a flat
// vector its values as bars (up to 64) or a line, around the level of zero.
function thumbnail(row) {
  const c = document.createElement("canvas"), b = inputBytes(row), shape = IN.shape;
  c.className = "thumb"; c.setAttribute("data-row", String(row));
  const g = c.getContext("2d");
  if (shape.length === 3) {
    const [C, H, W] = shape, plane = H * W, img = g.createImageData(W, H);
    c.width = W; c.height = H;
    for (let p = 0; p < plane; p++) {
      let rgb;
      if (C === 3) rgb = [b[p], b[plane + p], b[2 * plane + p]];
      else { let s = 0; for (let k = 0; k < C; k++) s += b[k * plane + p]; rgb = [s / C, s / C, s / C]; }
      img.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * p);
    }
    g.putImageData(img, 0, 0);
  } else {
    const n = b.length, W = c.width = 112, H = c.height = 112;
    const zero = IN.hi > IN.lo ? Math.min(Math.max((0 - IN.lo) / (IN.hi - IN.lo), 0), 1) : 0, y = v => H - 4 - (H - 8) * v / 255;
    g.strokeStyle = "#bbb"; g.beginPath(); g.moveTo(0, H - 4 - (H - 8) * zero); g.lineTo(W, H - 4 - (H - 8) * zero); g.stroke();
    g.fillStyle = g.strokeStyle = "#3465a4";
    if (n <= 64) for (let i = 0; i < n; i++) {
      const top = Math.min(y(b[i]), H - 4 - (H - 8) * zero), bottom = Math.max(y(b[i]), H - 4 - (H - 8) * zero);
      g.fillRect(i * W / n + 0.5, top, Math.max(W / n - 1, 1), Math.max(bottom - top, 1));
    } else {
      g.lineWidth = 1.5; g.beginPath();
      for (let i = 0; i < n; i++) g[i ? "lineTo" : "moveTo"](i * (W - 1) / (n - 1), y(b[i]));
      g.stroke();
    }
  }
  return c;
}
function openNode(i) {
  selected = i;
  panel.textContent = "";
  if (i < 0) { panel.style.display = "none"; panel.removeAttribute("data-node"); return; }
  const n = G.nodes[i];
  panel.style.display = "block";
  panel.setAttribute("data-node", n.id); panel.setAttribute("data-size", String(n.size));
  const close = element("button", "\u00d7", panel); close.className = "close"; close.title = "close";
  close.addEventListener("click", () => { openNode(-1); writeFragment(); draw(); });
  element("h2", G.title + " \u00b7 " + n.id, panel);
  const table = element("table", undefined, panel);
  const row = (k, v) => { const tr = element("tr", undefined, table); element("td", k, tr); element("td", v, tr); };
  row("size", String(n.size));
  n.range.forEach((r, d) => row(n.range.length > 1 ? "lens " + (d + 1) + " range" : "lens range", number(r[0]) + " \u2026 " + number(r[1])));
  if (n.act !== undefined) row("mean activation", number(n.act));
  if (n.norm !== undefined) row("mean norm", number(n.norm));
  if (n.hist.length) {
    element("b", "labels", panel);
    const hist = element("div", undefined, panel); hist.className = "hist";
    for (const [label, count] of n.hist) {
      const line = element("div", undefined, hist);
      swatch(line, label);
      element("span", label, line);
      element("b", undefined, line).style.width = Math.round(150 * count / n.size) + "px";
      element("span", String(count), line);
      line.title = "highlight the nodes holding " + label;
      line.addEventListener("click", () => pickLabel(label));
    }
  }
  if (IN && n.ex) {
    element("b", "exemplars (" + n.ex.length + " of " + n.size + ": nearest the mean, then spread)", panel);
    const grid = element("div", undefined, panel); grid.className = "grid";
    for (const r of n.ex) { const f = element("figure", undefined, grid); f.appendChild(thumbnail(r)); element("figcaption", String(r), f); }
  } else if (IN) element("p", "No thumbnails: the page's size budget leaves none per node.", panel);
  else element("p", "Give mapper --inputs FILE to see the inputs of each node.", panel);
  element("b", "member rows (" + n.rows.length + ")", panel);
  const copy = element("button", "copy", panel); copy.style.marginLeft = "6px";
  const ids = element("textarea", n.rows.join(" "), panel); ids.readOnly = true;
  copy.addEventListener("click", () => {
    ids.select();
    if (navigator.clipboard) navigator.clipboard.writeText(ids.value).catch(() => document.execCommand("copy"));
    else document.execCommand("copy");
  });
}
function pickLabel(label) { highlight = highlight === label ? null : label; writeFragment(); draw(); }
function fragment() {
  const q = {};
  for (const kv of location.hash.slice(1).split("&")) {
    const i = kv.indexOf("=");
    if (i > 0) try { q[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1)); } catch (e) {}
  }
  return q;
}
function applyFragment() {
  const q = fragment();
  let k = GS.findIndex(g => g.key === q.layer);
  if (k < 0) k = GS.findIndex(g => g.title === q.layer);
  if (k < 0) k = Math.max(current, 0);
  if (k !== current) load(k);
  highlight = q.label === undefined ? null : q.label;
  openNode(q.node === undefined ? -1 : G.nodes.findIndex(n => n.id === q.node));
  draw();
}
function writeFragment() {
  const parts = ["layer=" + encodeURIComponent(G.key)];
  if (selected >= 0) parts.push("node=" + encodeURIComponent(G.nodes[selected].id));
  if (highlight !== null) parts.push("label=" + encodeURIComponent(highlight));
  try { history.replaceState(null, "", "#" + parts.join("&")); } catch (e) { location.hash = parts.join("&"); }
}
GS.forEach((g, i) => { const o = document.createElement("option"); o.value = String(i); o.textContent = g.title; menu.appendChild(o); });
menu.style.display = GS.length > 1 ? "" : "none";
menu.addEventListener("change", () => { load(Number(menu.value)); openNode(-1); writeFragment(); draw(); });
document.getElementById("mode").addEventListener("change", draw);
window.addEventListener("resize", draw);
window.addEventListener("hashchange", applyFragment);
function hit(e) {
  let found = -1;
  G.nodes.forEach((n, i) => { if (Math.hypot(e.clientX - sx[i], e.clientY - sy[i]) <= radius[i] + 2) found = i; });
  return found;
}
canvas.addEventListener("click", e => { openNode(hit(e)); writeFragment(); draw(); });
canvas.addEventListener("mousemove", e => {
  const tip = document.getElementById("tip"), i = hit(e);
  canvas.style.cursor = i < 0 ? "default" : "pointer";
  if (i < 0) { tip.style.display = "none"; return; }
  tip.textContent = G.nodes[i].tip;
  tip.style.left = (e.clientX + 12) + "px"; tip.style.top = (e.clientY + 12) + "px"; tip.style.display = "block";
});
let drawn = 0;
for (let i = GS.length - 1; i >= 0; i--) { load(i); draw(); drawn += N; }
applyFragment();
document.body.setAttribute("data-rendered", String(drawn));
</script>
</body>
</html>
"""#
