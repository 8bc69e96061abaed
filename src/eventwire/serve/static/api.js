// Talking to the server: JSON fetches with readable errors, the filter <-> URL mapping, colours.

/** The filter names the API understands; everything else in the page URL is page state. */
export const FILTER_NAMES = [
  "since", "until", "actor", "country", "source", "target", "type", "quad_class", "min_confidence",
  "include_hypothetical", "include_negated", "include_historical",
];
const FLAG_NAMES = ["include_hypothetical", "include_negated", "include_historical"];

const early = new Map();  // address → answer, for the first load's requests sent before the page was parsed

// Parameters sorted, so the same request built in another order has the same address.
function address(path, params) {
  const sorted = params ? [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  const query = new URLSearchParams(sorted).toString();
  return query ? `${path}?${query}` : path;
}

async function fetchJSON(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && body.detail) detail = typeof body.detail === "string" ? body.detail : describeDetail(body.detail);
    } catch { /* not JSON: keep the status line */ }
    throw new Error(detail);
  }
  return response.json();
}

/** Send a request now; the first getJSON of the same address takes its answer instead of asking again. */
export function prefetch(path, params) {
  const url = address(path, params);
  const answer = fetchJSON(url);
  answer.catch(() => {});  // reported by whoever uses the answer, if anyone does
  early.set(url, answer);
}

/** Forget prefetched answers nobody asked for (the filters changed before they were used). */
export function dropPrefetched() {
  early.clear();
}

/** GET a JSON endpoint; rejects with an Error whose message is the server's `detail` when it gives one. */
export function getJSON(path, params, signal) {
  const url = address(path, params);
  const answer = early.get(url);
  if (answer) {
    early.delete(url);
    return answer;
  }
  return fetchJSON(url, signal);
}

// FastAPI's 422 detail is a list of {loc, msg}: name the parameter.
function describeDetail(detail) {
  if (!Array.isArray(detail)) return JSON.stringify(detail);
  return detail.map((d) => `${(d.loc || []).slice(-1)[0] ?? ""}: ${d.msg}`).join("; ");
}

/** The form's filters as API query parameters, leaving out empty fields and defaults. */
export function formToParams(form) {
  const params = new URLSearchParams();
  for (const el of form.elements) {
    if (!el.name || !FILTER_NAMES.includes(el.name)) continue;
    if (FLAG_NAMES.includes(el.name)) {
      if (!el.checked) params.set(el.name, "false");
    } else if (el.type === "checkbox") {
      if (el.checked) params.append(el.name, el.value);
    } else {
      const value = el.value.trim();
      if (value) params.set(el.name, el.name === "country" ? value.toUpperCase() : value);
    }
  }
  return params;
}

/** Fill the form from a query string (the inverse of formToParams). */
export function paramsToForm(params, form) {
  for (const el of form.elements) {
    if (!el.name || !FILTER_NAMES.includes(el.name)) continue;
    if (FLAG_NAMES.includes(el.name)) el.checked = params.get(el.name) !== "false";
    else if (el.type === "checkbox") el.checked = params.getAll(el.name).includes(el.value);
    else el.value = params.get(el.name) ?? "";
  }
}

/** The filters of a page address as formToParams would give them once the form is filled from it. */
export function filtersFromQuery(params) {
  const out = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    for (const raw of params.getAll(name)) {
      const value = raw.trim();
      if (FLAG_NAMES.includes(name)) {
        if (value === "false") out.set(name, "false");
      } else if (value) {
        out.append(name, name === "country" ? value.toUpperCase() : value);
      }
    }
  }
  return out;
}

/** Only the API filters of a query string (drops page state such as the open evidence). */
export function onlyFilters(params) {
  const out = new URLSearchParams();
  for (const [key, value] of params) if (FILTER_NAMES.includes(key)) out.append(key, value);
  return out;
}

/** `base` plus `extra` (an object), as a new URLSearchParams. */
export function withParams(base, extra) {
  const out = new URLSearchParams(base);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== null) out.set(key, value);
  return out;
}

const CONFLICT = [198, 40, 40], NEUTRAL = [158, 158, 158], COOPERATION = [21, 101, 192];

/** Goldstein −10 (red) … 0 (grey) … +10 (blue); null is light grey. */
export function goldsteinColor(value, alpha = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return `rgba(190, 190, 190, ${alpha})`;
  const t = Math.max(-1, Math.min(1, value / 10));
  const [from, to, k] = t < 0 ? [NEUTRAL, CONFLICT, -t] : [NEUTRAL, COOPERATION, t];
  const rgb = from.map((c, i) => Math.round(c + (to[i] - c) * k));
  return `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})`;
}

export function formatNumber(value, digits = 2) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

/** A panel's state for the styles and the tests: loading, ready, empty or error, with a status line. */
export function setPanelState(panel, state, message = "") {
  panel.dataset.state = state;
  // When each panel settled, for benchmarks/bench_dashboard.py to tell drawing time from API time.
  if (state !== "loading") performance.mark(`${panel.id}:${state}`);
  const status = panel.querySelector(".status");
  if (status) status.textContent = message;
}
