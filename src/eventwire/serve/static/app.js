// eventwire dashboard: filters kept in the URL, five panels that follow them, the evidence view.
// Plain ES modules, no build step; the vendored libraries are loaded as globals by index.html.
import {
  getJSON, prefetch, dropPrefetched, formToParams, paramsToForm, filtersFromQuery, onlyFilters, withParams,
  formatNumber, setPanelState,
} from "./api.js";
import { loadTimeline, loadDyad, loadNetwork, timelineQuery, dyadQuery, networkQuery } from "./charts.js";
import { loadMap, BASE_MAP } from "./map.js";
import { openEvidence } from "./evidence.js";

const PAGE_SIZE = 25;
const CSV_LIMIT = 1000;  // the API's cap for one page
const state = { filters: new URLSearchParams(), offset: 0, interval: "week", normalize: false };
let form = null;  // the filter form, once the page is parsed
let controller = null;  // aborts the requests of a superseded filter change

/** The table page, dyad interval and normalisation of a page address. */
function viewFromQuery(params) {
  return {
    offset: Math.max(0, parseInt(params.get("offset") ?? "0", 10) || 0),
    interval: ["day", "week", "month"].includes(params.get("interval")) ? params.get("interval") : "week",
    normalize: params.get("normalize") === "true",
  };
}

const eventsQuery = (filters, offset) => withParams(filters, { limit: PAGE_SIZE, offset, order: "-date" });

/** Page state to and from the address bar, so a view can be shared as a link. */
function readUrl() {
  const params = new URLSearchParams(location.search);
  paramsToForm(params, form);
  state.filters = formToParams(form);
  Object.assign(state, viewFromQuery(params));
  document.getElementById("dyad-interval").value = state.interval;
  document.getElementById("dyad-normalize").checked = state.normalize;
  return params.get("evidence");
}

function writeUrl(evidence = null, push = true) {
  const params = new URLSearchParams(state.filters);
  if (state.offset) params.set("offset", state.offset);
  if (state.interval !== "week") params.set("interval", state.interval);
  if (state.normalize) params.set("normalize", "true");
  if (evidence) params.set("evidence", evidence);
  const url = `${location.pathname}${params.toString() ? `?${params}` : ""}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? "pushState" : "replaceState"](null, "", url);
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "–";
  if (className) td.className = className;
  return td;
}

function eventRow(ev) {
  const tr = document.createElement("tr");
  tr.tabIndex = 0;
  tr.dataset.article = ev.article_id;
  tr.dataset.event = ev.event_id;
  tr.dataset.trigger = ev.trigger ?? "";
  tr.setAttribute("aria-label", `Open evidence: ${ev.source ?? "?"} ${ev.trigger ?? ""} ${ev.target ?? ""}, ${ev.date ?? "undated"}`);
  const flags = document.createElement("td");
  for (const f of ["negated", "hypothetical", "historical"]) {
    if (ev[f]) flags.append(Object.assign(document.createElement("span"), { className: "flag", textContent: f }));
  }
  tr.append(
    cell(ev.date), cell(ev.source), cell(ev.plover_type), cell(ev.cameo_code), cell(ev.target), cell(ev.trigger),
    cell(formatNumber(ev.goldstein, 1), "num"), cell(formatNumber(ev.confidence), "num"), flags, cell(ev.location),
  );
  return tr;
}

async function loadEvents(signal) {
  const panel = document.getElementById("panel-events");
  setPanelState(panel, "loading", "Loading…");
  const data = await getJSON("/api/events", eventsQuery(onlyFilters(state.filters), state.offset), signal);
  const items = data.items || [];
  panel.querySelector("tbody").replaceChildren(...items.map(eventRow));
  document.getElementById("events-csv").href =
    `/api/events?${withParams(state.filters, { format: "csv", limit: CSV_LIMIT, order: "-date" })}`;
  document.getElementById("events-prev").disabled = state.offset === 0;
  document.getElementById("events-next").disabled = !data.has_more;
  document.getElementById("events-range").textContent =
    items.length ? `${state.offset + 1}–${state.offset + items.length}${data.has_more ? "" : " (end)"}` : "";
  if (!items.length) setPanelState(panel, "empty", state.offset ? "No more events." : "No events match these filters.");
  else setPanelState(panel, "ready", "Click a row, or press Enter on it, to read the evidence.");
}

async function loadHealth() {
  const status = document.getElementById("store-status");
  try {
    const health = await getJSON("/api/health");
    const c = health.counts || {};
    status.textContent = `${(c.articles ?? 0).toLocaleString()} articles · ${(c.events ?? 0).toLocaleString()} events`
      + (c.first_date ? ` · ${c.first_date} – ${c.last_date}` : "");
  } catch (error) {
    status.textContent = `Store unavailable: ${error.message}`;
  }
}

function fillActorKeys(nodes) {
  const list = document.getElementById("actor-keys");
  list.replaceChildren(...nodes.map((n) => Object.assign(document.createElement("option"),
                                                          { value: n.id, label: n.label || n.id })));
}

// Each panel settles on its own: one failing endpoint leaves the others drawn.
function guarded(panelId, promise) {
  return promise.catch((error) => {
    if (error.name === "AbortError") return;
    setPanelState(document.getElementById(panelId), "error", `Could not load: ${error.message}`);
  });
}

/** Reload the panels named (all by default) with the current filters; sets <html data-ready> when done. */
async function refresh(panels = ["timeline", "dyad", "network", "map", "events"]) {
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  document.documentElement.dataset.ready = "false";
  const filters = onlyFilters(state.filters);
  const jobs = {
    timeline: () => guarded("panel-timeline", loadTimeline(filters, signal, setDay)),
    dyad: () => guarded("panel-dyad", loadDyad(filters, state, signal)),
    network: () => guarded("panel-network", loadNetwork(filters, signal, setDyad).then(fillActorKeys)),
    map: () => guarded("panel-map", loadMap(filters, signal, setCountry)),
    events: () => guarded("panel-events", loadEvents(signal)),
  };
  await Promise.all(panels.map((name) => jobs[name]()));
  if (!signal.aborted) {
    document.documentElement.dataset.ready = "true";
    performance.mark("eventwire-ready");
  }
}

function applyFilters() {
  state.filters = formToParams(form);
  state.offset = 0;
  writeUrl();
  refresh();
}

function setDyad(source, target) {
  form.elements.source.value = source;
  form.elements.target.value = target;
  applyFilters();
}

function setDay(day) {
  form.elements.since.value = day;
  form.elements.until.value = day;
  applyFilters();
}

function setCountry(country) {
  form.elements.country.value = country;
  applyFilters();
}

function openRow(row) {
  const evidence = `${row.dataset.article}/${row.dataset.event}`;
  writeUrl(evidence);
  openEvidence(row.dataset.article, row.dataset.event);
}

function wire() {
  let timer = null;
  form.addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(timer); applyFilters(); });
  // Text fields fire "change" on Enter or leaving the field; a short delay merges several clicks.
  form.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(applyFilters, 120); });
  document.getElementById("reset-filters").addEventListener("click", () => {
    paramsToForm(new URLSearchParams(), form);
    applyFilters();
  });
  document.getElementById("dyad-interval").addEventListener("change", (e) => {
    state.interval = e.target.value; writeUrl(null, false); refresh(["dyad"]);
  });
  document.getElementById("dyad-normalize").addEventListener("change", (e) => {
    state.normalize = e.target.checked; writeUrl(null, false); refresh(["dyad"]);
  });
  document.getElementById("events-prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE_SIZE); writeUrl(); refresh(["events"]);
  });
  document.getElementById("events-next").addEventListener("click", () => {
    state.offset += PAGE_SIZE; writeUrl(); refresh(["events"]);
  });
  const tbody = document.querySelector("#events-table tbody");
  tbody.addEventListener("click", (e) => { const row = e.target.closest("tr"); if (row) openRow(row); });
  tbody.addEventListener("keydown", (e) => {
    const row = e.target.closest("tr");
    if (row && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); openRow(row); }
  });
  const dialog = document.getElementById("evidence");
  document.getElementById("evidence-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => writeUrl(null, false));
  window.addEventListener("popstate", () => {
    const evidence = readUrl();
    refresh();
    if (evidence) openEvidence(...splitEvidence(evidence)); else if (dialog.open) dialog.close();
  });
}

// "article/event": article ids may themselves contain "/", event ids do not.
function splitEvidence(value) {
  const cut = value.lastIndexOf("/");
  return [value.slice(0, cut), value.slice(cut + 1)];
}

// This module runs as soon as it has loaded (async), before the libraries and the page are parsed: the first
// load's requests leave now, from the address alone, and the panels pick up their answers when they draw.
function prefetchFirstLoad() {
  const params = new URLSearchParams(location.search);
  const filters = filtersFromQuery(params);
  const view = viewFromQuery(params);
  prefetch("/api/series", timelineQuery(filters));
  prefetch("/api/series", dyadQuery(filters, view));
  prefetch("/api/network", networkQuery(filters));
  prefetch("/api/map", filters);
  prefetch("/api/events", eventsQuery(filters, view.offset));
  prefetch(BASE_MAP);
}

const librariesRan = () => Boolean(window.Chart && window.cytoscape && window.topojson);

// Until the page is parsed and the deferred library scripts have run. readyState turns "interactive" BEFORE
// they run; DOMContentLoaded fires after them; "load" comes later still (and also when a library failed).
function whenParsed() {
  if (document.readyState === "complete" || (document.readyState === "interactive" && librariesRan())) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    document.addEventListener("DOMContentLoaded", resolve, { once: true });
    window.addEventListener("load", resolve, { once: true });
  });
}

async function start() {
  form = document.getElementById("filters");
  if (!librariesRan()) {
    document.getElementById("store-status").textContent = "A vendored library failed to load; see the browser console.";
  }
  const evidence = readUrl();
  wire();
  if (evidence && evidence.includes("/")) openEvidence(...splitEvidence(evidence));
  await refresh();
  dropPrefetched();
  loadHealth();  // not a panel: asked for once the panels have their answers (a 2-core server)
}

prefetchFirstLoad();
whenParsed().then(start);
