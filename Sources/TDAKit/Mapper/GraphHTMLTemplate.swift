/// The page around the graph data of `graphHTML` (an array of graphs; a menu picks one when
/// there are several). Layout: Fruchterman–Reingold from nodes on a circle (deterministic, so
/// the same graph always looks the same), 400 cooling steps.
let htmlTemplate = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>__TITLE__</title>
<style>
body { margin: 0; font: 13px sans-serif; background: #fff; color: #222; }
#bar { position: absolute; top: 8px; left: 10px; background: rgba(255,255,255,0.85); padding: 4px 8px; }
#legend span { display: inline-block; margin-right: 8px; }
#legend i { display: inline-block; width: 10px; height: 10px; margin-right: 3px; }
#tip { position: absolute; display: none; white-space: pre; background: #222; color: #fff;
       padding: 6px 8px; border-radius: 4px; pointer-events: none; font-size: 12px; }
canvas { display: block; }
</style>
</head>
<body>
<div id="bar"><select id="graph"></select> <b id="title"></b> <span id="stats"></span>
 colour: <select id="mode"><option value="label">label shares</option><option value="lens">mean lens</option>
 <option value="size">size</option></select><div id="legend"></div></div>
<div id="tip"></div>
<canvas id="c"></canvas>
<script>
"use strict";
const GS = __DATA__;
let G, N, lensT, sizeT, radius, px, py, labelColour;
function seq(t) {
  const stops = G.viridis, last = stops.length - 1;
  const x = Math.min(Math.max(isFinite(t) ? t : 0, 0), 1) * last, k = Math.min(Math.floor(x), last - 1), f = x - k;
  const a = stops[k], b = stops[k + 1];
  return "rgb(" + [0, 1, 2].map(i => Math.round(a[i] + f * (b[i] - a[i]))).join(",") + ")";
}
function scaled(v) {
  const lo = Math.min(...v), hi = Math.max(...v);
  return v.map(x => hi > lo ? (x - lo) / (hi - lo) : 0.5);
}
// Fruchterman-Reingold on a unit area, start on a circle.
function load(g) {
  G = g; N = G.nodes.length;
  labelColour = {};
  G.labels.forEach((l, k) => { labelColour[l] = G.labelColours[k]; });
  lensT = scaled(G.nodes.map(n => n.lens)); sizeT = scaled(G.nodes.map(n => Math.log(n.size)));
  const maxSize = Math.max(1, ...G.nodes.map(n => n.size));
  radius = G.nodes.map(n => 4 + 14 * Math.sqrt(n.size / maxSize));
  px = new Float64Array(N); py = new Float64Array(N);
  for (let i = 0; i < N; i++) { px[i] = Math.cos(2 * Math.PI * i / N); py[i] = Math.sin(2 * Math.PI * i / N); }
  const k = Math.sqrt(4 / Math.max(N, 1));
  for (let step = 0, temp = 0.2; step < 400; step++, temp *= 0.99) {
    const dx = new Float64Array(N), dy = new Float64Array(N);
    for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) {
      let ex = px[i] - px[j], ey = py[i] - py[j], d2 = ex * ex + ey * ey + 1e-9;
      const f = k * k / d2; dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
    }
    for (const [a, b] of G.links) {
      const ex = px[a] - px[b], ey = py[a] - py[b], d = Math.sqrt(ex * ex + ey * ey) + 1e-9, f = d / k;
      dx[a] -= ex * f; dy[a] -= ey * f; dx[b] += ex * f; dy[b] += ey * f;
    }
    for (let i = 0; i < N; i++) {
      dx[i] -= 0.05 * px[i] * N; dy[i] -= 0.05 * py[i] * N;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 1e-9, m = Math.min(d, temp);
      px[i] += dx[i] / d * m; py[i] += dy[i] / d * m;
    }
  }
  document.getElementById("title").textContent = G.title;
  document.getElementById("stats").textContent = G.stats;
}
const canvas = document.getElementById("c"), ctx = canvas.getContext("2d");
let sx = [], sy = [];
function draw() {
  const W = canvas.width = window.innerWidth, H = canvas.height = window.innerHeight;
  const x0 = Math.min(...px), x1 = Math.max(...px), y0 = Math.min(...py), y1 = Math.max(...py);
  const s = Math.min((W - 80) / Math.max(x1 - x0, 1e-9), (H - 120) / Math.max(y1 - y0, 1e-9));
  sx = Array.from(px, x => 40 + (x - x0) * s + (W - 80 - (x1 - x0) * s) / 2);
  sy = Array.from(py, y => 90 + (y - y0) * s + (H - 120 - (y1 - y0) * s) / 2);
  ctx.clearRect(0, 0, W, H);
  ctx.strokeStyle = "#999"; ctx.lineWidth = 1.2;
  for (const [a, b] of G.links) { ctx.beginPath(); ctx.moveTo(sx[a], sy[a]); ctx.lineTo(sx[b], sy[b]); ctx.stroke(); }
  const mode = document.getElementById("mode").value;
  G.nodes.forEach((n, i) => {
    if (mode === "label" && n.top.length) {
      let start = -Math.PI / 2, rest = 1;
      for (const [label, share] of n.top) {
        slice(i, start, start + 2 * Math.PI * share, labelColour[label] || "#000"); start += 2 * Math.PI * share; rest -= share;
      }
      if (rest > 1e-9) slice(i, start, start + 2 * Math.PI * rest, "#ddd");
    } else {
      ctx.fillStyle = seq(mode === "size" ? sizeT[i] : lensT[i]);
      ctx.beginPath(); ctx.arc(sx[i], sy[i], radius[i], 0, 2 * Math.PI); ctx.fill();
    }
    ctx.strokeStyle = "#333"; ctx.lineWidth = 0.8;
    ctx.beginPath(); ctx.arc(sx[i], sy[i], radius[i], 0, 2 * Math.PI); ctx.stroke();
  });
  const legend = document.getElementById("legend");
  legend.textContent = "";
  if (mode === "label") for (const l of G.labels) {
    const span = document.createElement("span"), sw = document.createElement("i");
    sw.style.background = labelColour[l]; span.appendChild(sw); span.appendChild(document.createTextNode(l));
    legend.appendChild(span);
  } else legend.textContent = (mode === "size" ? "log size" : "mean lens") + ": dark = low, yellow = high";
}
function slice(i, a, b, colour) {
  ctx.fillStyle = colour; ctx.beginPath(); ctx.moveTo(sx[i], sy[i]); ctx.arc(sx[i], sy[i], radius[i], a, b); ctx.closePath(); ctx.fill();
}
const menu = document.getElementById("graph");
GS.forEach((g, i) => { const o = document.createElement("option"); o.value = String(i); o.textContent = g.title; menu.appendChild(o); });
menu.style.display = GS.length > 1 ? "" : "none";
menu.addEventListener("change", () => { load(GS[Number(menu.value)]); draw(); });
document.getElementById("mode").addEventListener("change", draw);
window.addEventListener("resize", draw);
canvas.addEventListener("mousemove", e => {
  const tip = document.getElementById("tip");
  let hit = -1;
  G.nodes.forEach((n, i) => { if (Math.hypot(e.clientX - sx[i], e.clientY - sy[i]) <= radius[i] + 2) hit = i; });
  if (hit < 0) { tip.style.display = "none"; return; }
  tip.textContent = G.nodes[hit].tip;
  tip.style.left = (e.clientX + 12) + "px"; tip.style.top = (e.clientY + 12) + "px"; tip.style.display = "block";
});
let drawn = 0;
for (let i = GS.length - 1; i >= 0; i--) { load(GS[i]); draw(); drawn += N; }
document.body.setAttribute("data-rendered", String(drawn));
</script>
</body>
</html>
"""#
