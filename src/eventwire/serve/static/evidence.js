// The evidence view: an event's article with its sentence, trigger and actors highlighted, its codes,
// modality flags and the article's quotes.
import { getJSON, formatNumber } from "./api.js";

/** The article text cut at every span edge; each piece carries the classes of the spans covering it. */
export function highlightSegments(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) { cuts.add(s.start); cuts.add(s.end); }
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i], edges[i + 1]];
    const classes = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.cls);
    segments.push({ start, end, text: text.slice(start, end), classes: [...new Set(classes)] });
  }
  return segments;
}

function renderText(container, text, spans) {
  const nodes = highlightSegments(text, spans).map((seg) => {
    if (!seg.classes.length) return document.createTextNode(seg.text);
    const el = document.createElement(seg.classes.includes("hl-trigger") ? "mark" : "span");
    el.className = seg.classes.join(" ");
    el.textContent = seg.text;
    return el;
  });
  container.replaceChildren(...nodes);
}

function actorName(actors, ref) {
  if (!ref) return null;
  const actor = actors.find((a) => a.id === ref.actor_id);
  return actor ? actor.name : ref.span?.text;
}

function roleNames(actors, refs) {
  return (refs || []).map((r) => actorName(actors, r)).join(" + ") || "–";
}

function definitionList(rows) {
  const dl = document.createElement("dl");
  for (const [term, value] of rows) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    if (value instanceof Node) dd.append(value); else dd.textContent = value ?? "–";
    dl.append(dt, dd);
  }
  return dl;
}

function describeEvent(article, actors, event) {
  const flags = ["negated", "hypothetical", "historical"].filter((f) => event[f]);
  const cameo = event.cameo || {};
  const plover = event.plover || {};
  const title = article.url ? Object.assign(document.createElement("a"), { href: article.url, textContent: article.title || article.url,
                                                                          rel: "noreferrer noopener", target: "_blank" })
    : (article.title || article.id);
  return definitionList([
    ["Article", title],
    ["Article date · source", `${article.date ?? "undated"} · ${article.source ?? "–"}`],
    ["Event date", event.date ? `${event.date} (${event.date_precision ?? "?"})` : "–"],
    ["Source → target", `${roleNames(actors, event.source)} → ${roleNames(actors, event.target)}`],
    ["PLOVER", [plover.type, plover.mode].filter(Boolean).join(" · ") || "–"],
    ["CAMEO", cameo.code ? `${cameo.code} (root ${cameo.root ?? "?"}), Goldstein ${formatNumber(cameo.goldstein, 1)}, `
                           + `quad class ${cameo.quad_class ?? "?"}` : "–"],
    ["Modality", flags.length ? flags.join(", ") : "asserted (not negated, hypothetical or historical)"],
    ["Reported by", (event.reported_by || []).length ? roleNames(actors, event.reported_by) : "–"],
    ["Location", event.location ? [event.location.name, event.location.country].filter(Boolean).join(", ") : "–"],
    ["Confidence", formatNumber(event.confidence)],
  ]);
}

function renderQuotes(list, text, actors, quotes) {
  if (!quotes.length) {
    list.replaceChildren(Object.assign(document.createElement("li"), { textContent: "No quotes in this article." }));
    return;
  }
  list.replaceChildren(...quotes.map((q) => {
    const li = document.createElement("li");
    const who = actorName(actors, q.speaker) || "unattributed";
    const content = q.content ? q.content.text ?? text.slice(q.content.start, q.content.end) : "";
    li.append(Object.assign(document.createElement("strong"), { textContent: who }),
              ` (${q.kind}${q.channel ? `, ${q.channel}` : ""}${q.cue ? `, “${q.cue.text}”` : ""}): `,
              Object.assign(document.createElement("q"), { textContent: content }));
    return li;
  }));
}

/** Open the dialog on one event of one article; resolves when drawn (or when the error is shown). */
export async function openEvidence(articleId, eventId) {
  const dialog = document.getElementById("evidence");
  const status = dialog.querySelector(".status");
  const textBox = document.getElementById("evidence-text");
  dialog.dataset.state = "loading";
  status.className = "status";
  status.textContent = "Loading…";
  document.getElementById("evidence-meta").replaceChildren();
  textBox.replaceChildren();
  document.getElementById("evidence-quotes").replaceChildren();
  if (!dialog.open) dialog.showModal();
  try {
    const data = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
    const event = (data.events || []).find((e) => e.id === eventId);
    if (!event) throw new Error(`event ${eventId} is not in article ${articleId}`);
    const { article } = data;
    const actors = data.actors || [];
    const spans = [];
    if (event.sentence) spans.push({ ...event.sentence, cls: "hl-sentence" });
    const roleIds = new Set();
    for (const [refs, cls] of [[event.source, "hl-source"], [event.target, "hl-target"]]) {
      for (const ref of refs || []) {
        roleIds.add(ref.actor_id);
        if (ref.span) spans.push({ ...ref.span, cls });
      }
    }
    // The same actors' other mentions, so a reader sees who else in the article they are.
    for (const actor of actors) {
      if (!roleIds.has(actor.id)) continue;
      for (const m of actor.mentions || []) spans.push({ start: m.start, end: m.end, cls: "hl-mention" });
    }
    if (event.trigger) spans.push({ ...event.trigger, cls: "hl-trigger" });
    document.getElementById("evidence-title").textContent =
      `${event.plover?.type ?? "Event"}: “${event.trigger?.text ?? ""}”`;
    document.getElementById("evidence-meta").replaceChildren(describeEvent(article, actors, event));
    renderText(textBox, article.text, spans);
    renderQuotes(document.getElementById("evidence-quotes"), article.text, actors, data.quotes || []);
    dialog.dataset.trigger = event.trigger?.text ?? "";
    status.textContent = "";
    dialog.dataset.state = "ready";
    // Scroll the text box only (scrollIntoView would scroll the dialog's header away too).
    const trigger = textBox.querySelector(".hl-trigger");
    if (trigger) textBox.scrollTop = Math.max(0, trigger.offsetTop - textBox.clientHeight / 2);
  } catch (error) {
    status.className = "status error";
    status.textContent = `Could not load the evidence: ${error.message}`;
    dialog.dataset.state = "error";
  }
}
