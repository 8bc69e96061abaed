// The timeline, the dyad chart (Chart.js) and the actor network (Cytoscape).
import { getJSON, goldsteinColor, formatNumber, setPanelState, withParams } from "./api.js";

const charts = {};

function replaceChart(key, canvas, config) {
  if (charts[key]) charts[key].destroy();
  charts[key] = new window.Chart(canvas, config);
  return charts[key];
}

// Drawn once, synchronously: the page must not animate before it counts as rendered.
const BASE_OPTIONS = { animation: false, responsive: true, maintainAspectRatio: false };

const DAY_MS = 86_400_000;
const MAX_FILLED_DAYS = 2000;

/** The days without events as zero bars, so bar spacing is time; a span too long to draw stays sparse. */
export function withEmptyDays(items) {
  if (items.length < 2) return items;
  const first = Date.parse(items[0].period), last = Date.parse(items[items.length - 1].period);
  if (Number.isNaN(first) || Number.isNaN(last) || (last - first) / DAY_MS > MAX_FILLED_DAYS) return items;
  const byDay = new Map(items.map((d) => [d.period, d]));
  const filled = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    filled.push(byDay.get(day) ?? { period: day, events: 0, goldstein_mean: null });
  }
  return filled;
}

export const timelineQuery = (filters) => withParams(filters, { interval: "day" });
export const dyadQuery = (filters, { interval, normalize }) =>
  withParams(filters, { interval, normalize: String(normalize) });
export const networkQuery = (filters) => withParams(filters, { limit: 100, min_events: 1 });

/** Events per day, each bar coloured by the day's mean Goldstein score. */
export async function loadTimeline(filters, signal, onDay) {
  const panel = document.getElementById("panel-timeline");
  setPanelState(panel, "loading", "Loading…");
  const data = await getJSON("/api/series", timelineQuery(filters), signal);
  const items = withEmptyDays(data.items || []);
  replaceChart("timeline", document.getElementById("timeline-chart"), {
    type: "bar",
    data: {
      labels: items.map((d) => d.period),
      datasets: [{
        label: "events",
        data: items.map((d) => d.events),
        backgroundColor: items.map((d) => goldsteinColor(d.goldstein_mean)),
        goldstein: items.map((d) => d.goldstein_mean),
      }],
    },
    options: {
      ...BASE_OPTIONS,
      onClick: (_, bars) => bars.length && onDay && onDay(items[bars[0].index].period),
      onHover: (evt, bars) => { evt.native.target.style.cursor = bars.length ? "pointer" : "default"; },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { afterLabel: (ctx) => `mean Goldstein ${formatNumber(ctx.dataset.goldstein[ctx.dataIndex])}` } },
      },
      scales: { x: { ticks: { maxTicksLimit: 12, autoSkip: true } }, y: { beginAtZero: true, title: { display: true, text: "events" } } },
    },
  });
  const total = items.reduce((sum, d) => sum + d.events, 0);
  const days = items.filter((d) => d.events).length;
  if (!days) setPanelState(panel, "empty", "No dated events match these filters.");
  else setPanelState(panel, "ready", `${total.toLocaleString()} events on ${days.toLocaleString()} days`);
}

/** The chosen dyad's series: counts (or share of all events) as bars, mean Goldstein as a line. */
export async function loadDyad(filters, { interval, normalize }, signal) {
  const panel = document.getElementById("panel-dyad");
  const source = filters.get("source"), target = filters.get("target");
  document.getElementById("dyad-label").textContent =
    source || target ? `${source || "anyone"} → ${target || "anyone"}` : "(all events; pick a source and target)";
  setPanelState(panel, "loading", "Loading…");
  const data = await getJSON("/api/series", dyadQuery(filters, { interval, normalize }), signal);
  const items = data.items || [];
  const volume = normalize ? items.map((d) => (d.share_of_volume ?? 0) * 100) : items.map((d) => d.events);
  replaceChart("dyad", document.getElementById("dyad-chart"), {
    data: {
      labels: items.map((d) => d.period),
      datasets: [
        { type: "bar", label: normalize ? "% of all events" : "events", data: volume, yAxisID: "y",
          backgroundColor: "rgba(36, 87, 166, 0.55)" },
        { type: "line", label: "mean Goldstein", data: items.map((d) => d.goldstein_mean), yAxisID: "g",
          borderColor: "#c62828", backgroundColor: "#c62828", pointRadius: 2, spanGaps: true },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
      scales: {
        x: { ticks: { maxTicksLimit: 10 } },
        y: { beginAtZero: true, title: { display: true, text: normalize ? "% of volume" : "events" } },
        g: { position: "right", min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: "Goldstein" } },
      },
    },
  });
  if (!items.length) setPanelState(panel, "empty", "No events for this dyad and these filters.");
  else setPanelState(panel, "ready", `${items.length} ${interval}s`);
}

let cy = null;

/** The actor network: nodes sized by events, directed edges weighted and coloured by mean Goldstein. */
export async function loadNetwork(filters, signal, onEdge) {
  const panel = document.getElementById("panel-network");
  setPanelState(panel, "loading", "Loading…");
  const data = await getJSON("/api/network", networkQuery(filters), signal);
  const nodes = data.nodes || [];
  const known = new Set(nodes.map((n) => n.id));
  // An edge to a node the answer left out would make Cytoscape throw: drop it.
  const edges = (data.edges || []).filter((e) => known.has(e.source) && known.has(e.target));
  const maxNode = Math.max(1, ...nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...edges.map((e) => e.events));
  if (cy) cy.destroy();
  cy = window.cytoscape({
    container: document.getElementById("network-graph"),
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, label: n.label || n.id, size: 14 + 30 * Math.sqrt(n.events / maxNode),
                                     country: n.country, events: n.events } })),
      ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, events: e.events,
                                        width: 1 + 7 * e.events / maxEdge, color: goldsteinColor(e.goldstein_mean),
                                        goldstein: e.goldstein_mean } })),
    ],
    style: [
      { selector: "node", style: { width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 10,
                                   "text-outline-color": "#fff", "text-outline-width": 2,
                                   "background-color": "#5f7d99", color: "#1d2329", "text-valign": "bottom",
                                   "text-margin-y": 2 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)",
                                   "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85 } },
      { selector: ":selected", style: { "border-width": 2, "border-color": "#000", "line-style": "dashed" } },
    ],
    // Sparse graphs (many small components, as in real news) read best in a force layout, 250 iterations
    // (the default 1000 cost ~0.4 s of main thread); a dense one does not settle in that: rings, hubs inside.
    layout: edges.length > 1.5 * nodes.length
      ? { name: "concentric", animate: false, fit: true, padding: 10, concentric: (n) => n.data("events"),
          levelWidth: () => maxNode / 4 }
      : { name: "cose", animate: false, randomize: false, fit: true, padding: 10, numIter: 250 },
  });
  cy.on("tap", "edge", (evt) => onEdge && onEdge(evt.target.data("source"), evt.target.data("target")));
  if (!edges.length) setPanelState(panel, "empty", "No source → target pairs match these filters.");
  else setPanelState(panel, "ready", `${nodes.length} actors, ${edges.length} dyads (top by events)`);
  return nodes;
}
