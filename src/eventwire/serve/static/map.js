// The map: Natural Earth 1:110m countries (vendored world-atlas TopoJSON) as an SVG layer, no tiles,
// in an equirectangular projection, with one circle per place.
import { getJSON, goldsteinColor, formatNumber, setPanelState } from "./api.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 960, HEIGHT = 480;
// 84°N to 58°S: Antarctica and the polar seas take space and hold no events worth it.
const VIEW = { top: 16, bottom: 395 };
const ANTARCTICA = "010";  // ISO 3166 numeric id in world-atlas

const project = ([lon, lat]) => [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];

export const BASE_MAP = "/static/vendor/countries-110m.json";
let basePromise = null;

// A ring that crosses the antimeridian (Fiji, Chukotka) would be drawn across the whole map:
// unwrap its longitudes so it stays in one piece; what lies past ±180° is cut off by the view box.
function ringPath(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i) {
      const step = lon - ring[i - 1][0];
      if (step > 180) shift -= 360; else if (step < -180) shift += 360;
    }
    const [x, y] = project([lon + shift, lat]);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

function geometryPath(geometry) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.map((polygon) => polygon.map(ringPath).join("")).join("");
}

/** The base map as an <svg> with one <path> per country; fetched and built once. */
function baseMap() {
  basePromise ??= getJSON(BASE_MAP).then((topology) => {
    const countries = window.topojson.feature(topology, topology.objects.countries);
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 ${VIEW.top} ${WIDTH} ${VIEW.bottom - VIEW.top}`);
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "World map of event locations");
    const land = document.createElementNS(SVG, "g");
    land.setAttribute("class", "countries");
    for (const feature of countries.features) {
      if (feature.id === ANTARCTICA) continue;
      const path = document.createElementNS(SVG, "path");
      path.setAttribute("class", "country");
      path.setAttribute("d", geometryPath(feature.geometry));
      const title = document.createElementNS(SVG, "title");
      title.textContent = feature.properties?.name ?? "";
      path.append(title);
      land.append(path);
    }
    const points = document.createElementNS(SVG, "g");
    points.setAttribute("class", "points");
    svg.append(land, points);
    return svg;
  });
  return basePromise;
}

/** Draw the base map (once) and this filter's places on it. */
export async function loadMap(filters, signal, onCountry) {
  const panel = document.getElementById("panel-map");
  setPanelState(panel, "loading", "Loading…");
  const [svg, data] = await Promise.all([baseMap(), getJSON("/api/map", filters, signal)]);
  const box = document.getElementById("map");
  if (!box.contains(svg)) box.replaceChildren(svg);
  const layer = svg.querySelector("g.points");
  const points = (data.points || []).filter((p) => p.lat !== null && p.lon !== null);
  const max = Math.max(1, ...points.map((p) => p.events));
  // Biggest first, so small places stay visible and clickable on top.
  const circles = [...points].sort((a, b) => b.events - a.events).map((p) => {
    const [x, y] = project([p.lon, p.lat]);
    const circle = document.createElementNS(SVG, "circle");
    circle.setAttribute("class", "point");
    circle.setAttribute("cx", x.toFixed(1));
    circle.setAttribute("cy", y.toFixed(1));
    circle.setAttribute("r", (2.5 + 9 * Math.sqrt(p.events / max)).toFixed(1));
    circle.setAttribute("fill", goldsteinColor(p.goldstein_mean));
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.events} events, ` +
      `mean Goldstein ${formatNumber(p.goldstein_mean)}`;
    circle.append(title);
    if (p.country) circle.dataset.country = p.country;
    if (p.country && onCountry) circle.addEventListener("click", () => onCountry(p.country));
    return circle;
  });
  layer.replaceChildren(...circles);
  if (!points.length) setPanelState(panel, "empty", "No located events match these filters.");
  else setPanelState(panel, "ready", `${points.length} places`);
}
