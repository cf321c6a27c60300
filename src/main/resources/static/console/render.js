// Drawing with DOM APIs only: every text from the service or a file goes in as textContent, never
// as markup, so a comment holding <script> or <img onerror> shows as the characters it is.

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** The chart's name for items whose result is an error (no model label has brackets). */
export const ERROR_LABEL = '(error)';

// Labels are whatever the model says; the usual three get their usual colours, others a palette.
const KNOWN = new Map([
  ['NEGATIVE', '#c0392b'],
  ['NEUTRAL', '#7f8c8d'],
  ['POSITIVE', '#1e8449'],
  [ERROR_LABEL, '#8e44ad'],
]);
const PALETTE = ['#2471a3', '#d68910', '#117a65', '#a93226', '#6c3483', '#566573'];

export function colour(label) {
  const known = KNOWN.get(String(label).toUpperCase());
  if (known) return known;
  let hash = 0;
  for (const c of String(label)) hash = (hash * 31 + c.codePointAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

/** Gives an element its label's colour through a CSS variable (a CSSOM write, allowed by the CSP). */
export function tint(node, label) {
  node.style.setProperty('--tint', colour(label));
  return node;
}

export const percent = (p) => `${(p * 100).toFixed(1)}%`;

/** One bar per label, in the order the service lists them. */
export function probabilityBars(container, probabilities) {
  container.replaceChildren();
  for (const [label, p] of Object.entries(probabilities || {})) {
    const fill = tint(el('span', { class: 'fill' }), label);
    fill.style.width = `${Math.max(0, Math.min(1, Number(p))) * 100}%`;
    container.append(
      el(
        'div',
        { class: 'bar', role: 'listitem', 'aria-label': `${label}: ${percent(p)}` },
        el('span', { class: 'bar-label', 'aria-hidden': 'true' }, label),
        el('span', { class: 'track', 'aria-hidden': 'true' }, fill),
        el('span', { class: 'bar-value', 'aria-hidden': 'true' }, percent(p)),
      ),
    );
  }
}

/**
 * The text as sent, each sentence tinted by its label. start and end are UTF-16 offsets into the
 * text (JavaScript string indices); what lies between sentences is kept as plain text.
 */
export function sentences(container, text, list) {
  container.replaceChildren();
  let at = 0;
  for (const s of list) {
    const start = Math.max(at, Math.min(text.length, Number(s.start) || 0));
    const end = Math.max(start, Math.min(text.length, Number(s.end) || 0));
    if (start > at) container.append(text.slice(at, start));
    const piece = text.slice(start, end) || String(s.text || '');
    const span = tint(el('span', { class: 'sentence', title: `${s.sentiment} ${percent(s.score)}` }, piece), s.sentiment);
    span.append(el('span', { class: 'visually-hidden' }, ` (${s.sentiment} ${percent(s.score)})`));
    container.append(span);
    at = end;
  }
  if (at < text.length) container.append(text.slice(at));
}

/**
 * A horizontal bar chart of counts per label (a Map), most frequent first, in plain DOM (it reflows with
 * the page, so it stays readable on a phone). Bars are scaled to the largest count.
 */
export function distributionChart(container, counts, total) {
  const entries = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const description = entries.map(([label, n]) => `${label}: ${n}`).join(', ') || 'no results yet';
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', `Label distribution: ${description}`);
  container.replaceChildren(
    ...entries.map(([label, n]) => {
      const fill = tint(el('span', { class: 'fill' }), label);
      fill.style.width = `${(n / max) * 100}%`;
      const share = total > 0 ? ` (${percent(n / total)})` : '';
      return el(
        'div',
        { class: 'bar chart-row', 'aria-hidden': 'true' },
        el('span', { class: 'bar-label' }, label),
        el('span', { class: 'track' }, fill),
        el('span', { class: 'bar-value' }, `${n}${share}`),
      );
    }),
  );
}

/** The results table: id, text (when the page knows it), label, score, error. */
export function resultsTable(table, rows, texts) {
  const withText = Boolean(texts);
  const head = el('tr', {}, el('th', { scope: 'col' }, '#'), el('th', { scope: 'col' }, 'id'));
  if (withText) head.append(el('th', { scope: 'col' }, 'text'));
  head.append(el('th', { scope: 'col' }, 'label'), el('th', { scope: 'col' }, 'score'), el('th', { scope: 'col' }, 'error'));
  table.tHead.replaceChildren(head);
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const r of rows) {
    const row = el('tr', {}, el('td', { class: 'num' }, String(r.index)), el('td', {}, r.id == null ? '' : String(r.id)));
    if (withText) row.append(el('td', { class: 'text' }, texts[r.index] == null ? '' : String(texts[r.index])));
    const label = el('td', {});
    if (r.sentiment != null) label.append(tint(el('span', { class: 'label-chip' }, String(r.sentiment)), r.sentiment));
    row.append(
      label,
      el('td', { class: 'num' }, r.score == null ? '' : Number(r.score).toFixed(3)),
      el('td', { class: 'error-cell' }, r.error == null ? '' : String(r.error)),
    );
    body.append(row);
  }
  if (rows.length === 0) {
    body.append(el('tr', {}, el('td', { colspan: withText ? '6' : '5' }, 'No results on this page.')));
  }
}

/** "1 min 5 s", "3.2 s". */
export function duration(ms) {
  if (!(ms >= 0)) return '';
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
