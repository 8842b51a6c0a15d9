'use strict';
// The interactive page: plain DOM, no external assets. Everything the server or the target sent is shown as text.

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
  });
  children.flat().forEach(c => { if (c !== null && c !== undefined) node.append(c); });
  return node;
}

const $ = id => document.getElementById(id);

async function api(path, body) {
  const init = body === undefined ? {} : {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)};
  const answer = await fetch(path, init);
  if (!answer.ok) throw new Error(await answer.text());
  return (answer.headers.get('Content-Type') || '').startsWith('application/json') ? answer.json() : answer.text();
}

// Views: tabs with arrow-key movement, one view shown.
const tabs = ['single', 'matrix', 'history'];
function show(name) {
  tabs.forEach(t => {
    $('tab-' + t).setAttribute('aria-selected', String(t === name));
    $('view-' + t).hidden = t !== name;
  });
  if (name === 'history') loadHistory();
}
tabs.forEach((t, i) => {
  $('tab-' + t).addEventListener('click', () => show(t));
  $('tab-' + t).addEventListener('keydown', e => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(i + step + tabs.length) % tabs.length];
    show(next);
    $('tab-' + next).focus();
  });
});

function problems(box, lines) {
  box.replaceChildren(...lines.map(l => el('div', {text: l})));
  box.hidden = lines.length === 0;
}

function headerText(lines) {
  return (lines || []).map(([n, v]) => n + ': ' + v).join('\n');
}

// One request.
$('single-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = Object.fromEntries(new FormData(e.target).entries());
  const button = $('run-single');
  button.disabled = true;
  $('single-status').textContent = 'Running in every engine ...';
  problems($('single-problems'), []);
  try {
    const view = await api('/api/request', form);
    renderSingle(view);
    $('single-status').textContent = view.problems.length ? 'Not run: see the problems.' : 'Done (request ' + view.id + ').';
  } catch (err) {
    problems($('single-problems'), [String(err.message)]);
    $('single-status').textContent = 'Failed.';
  } finally {
    button.disabled = false;
  }
});

function answerBlock(title, answer) {
  if (!answer) return null;
  const text = answer.failure ? 'no answer: ' + answer.failure
    : answer.status + '\n' + headerText(answer.headers);
  return [el('dt', {text: title}), el('dd', {}, el('pre', {text: text}))];
}

function renderSingle(view) {
  problems($('single-problems'), view.problems || []);
  const out = $('single-result');
  if (view.problems && view.problems.length) { out.replaceChildren(); return; }
  const cards = (view.engines || []).map(engine => {
    const card = el('article', {class: 'engine', 'data-engine': engine.name, 'aria-label': engine.name},
      el('h3', {text: engine.name + (engine.version ? ' ' + engine.version : '')}));
    if (engine.skipped) { card.append(el('p', {class: 'stage', text: 'skipped: ' + engine.skipped})); return card; }
    if (engine.infrastructureError) {
      card.append(el('p', {class: 'verdict error', text: 'INFRASTRUCTURE ERROR'}),
        el('p', {class: 'stage', text: engine.infrastructureError}));
      return card;
    }
    card.append(el('p', {class: 'verdict ' + engine.verdict, text: engine.verdict}),
      el('p', {class: 'stage', text: engine.stage}));
    const list = el('dl');
    const preflights = engine.received.filter(r => r.kind === 'preflight');
    const requests = engine.received.filter(r => r.kind === 'request');
    list.append(el('dt', {text: 'Preflight as the server received it'}),
      el('dd', {}, el('pre', {class: 'received-preflight', text: preflights.length
        ? preflights.map(r => r.method + ' ' + r.path + '\n' + headerText(r.headers)).join('\n\n') : 'none'})));
    list.append(el('dt', {text: 'Request as the server received it'}),
      el('dd', {}, el('pre', {class: 'received-request', text: requests.length
        ? requests.map(r => r.method + ' ' + r.path + '\n' + headerText(r.headers)).join('\n\n') : 'did not arrive'})));
    const readable = Object.entries(engine.readable || {});
    const read = engine.status !== undefined
      ? 'status ' + engine.status + (readable.length ? '\n' + readable.map(([n, v]) => n + ': ' + v).join('\n') : '\nno headers')
      : (engine.pageError ? 'nothing: ' + engine.pageError : 'nothing');
    list.append(el('dt', {text: 'What script could read'}), el('dd', {}, el('pre', {class: 'readable', text: read
      + (engine.tainted === undefined ? '' : '\ntainted: ' + engine.tainted)})));
    card.append(list, el('p', {class: 'drivenby mono', text: engine.drivenBy}));
    return card;
  });
  const explain = el('section', {class: 'explain', 'aria-label': 'Why'},
    el('h3', {text: 'Why (the Fetch standard on the server\'s answers)'}),
    el('p', {}, 'Oracle: ', el('span', {class: 'verdict oracle ' + view.oracle.verdict, text: view.oracle.verdict}),
      '; as allowed by this request\'s policy it would be ', el('span', {class: 'verdict ' + view.intent.verdict, text: view.intent.verdict})),
    el('ul', {class: 'oracle-reasons'}, view.oracle.reasons.map(r => el('li', {class: 'mono', text: r}))),
    el('dl', {}, answerBlock('Preflight answer (browser-free, as curl sees it)', view.answers.preflight),
      answerBlock('Answer (browser-free)', view.answers.actual)));
  const fixes = (view.findings || []).map(f => el('div', {class: 'finding'},
    el('h3', {text: '[' + f.severity + '] ' + f.title}),
    el('p', {class: 'fix', text: 'Fix: ' + f.fix}),
    el('ul', {}, f.evidence.map(line => el('li', {class: 'mono', text: line})))));
  if (view.headersToSend) fixes.push(el('div', {class: 'finding'}, el('h3', {text: 'Headers that grant exactly this request'}),
    el('pre', {class: 'headers-to-send', text: view.headersToSend})));
  out.replaceChildren(el('h2', {text: view.description}), el('div', {class: 'engines'}, cards), explain,
    el('section', {id: 'single-findings', 'aria-label': 'Findings'}, fixes.length ? fixes : el('p', {text: 'No finding: every engine did what this request asks for.'})));
}

// The matrix of a policy, with progress as server-sent events.
let matrixData = null;
$('matrix-form').addEventListener('submit', async e => {
  e.preventDefault();
  const form = Object.fromEntries(new FormData(e.target).entries());
  problems($('matrix-problems'), []);
  $('matrix-progress').replaceChildren();
  $('matrix-result').hidden = true;
  $('run-matrix').disabled = true;
  $('matrix-status').textContent = 'Starting ...';
  // The run starts first; its events so far are replayed to a listener that connects later.
  try {
    await api('/api/verify', form);
  } catch (err) {
    $('run-matrix').disabled = false;
    problems($('matrix-problems'), [String(err.message)]);
    $('matrix-status').textContent = 'Failed.';
    return;
  }
  const events = new EventSource('/api/verify/events');
  const stop = () => { events.close(); $('run-matrix').disabled = false; };
  events.addEventListener('progress', m => {
    const p = JSON.parse(m.data);
    let item = $('progress-' + p.engine);
    if (!item) {
      item = el('li', {id: 'progress-' + p.engine}, el('label', {for: 'bar-' + p.engine, text: p.engine + ' '}),
        el('progress', {id: 'bar-' + p.engine, max: String(p.total), value: '0'}), el('span', {class: 'count'}));
      $('matrix-progress').append(item);
    }
    item.querySelector('progress').value = p.done;
    item.querySelector('.count').textContent = ' ' + p.done + '/' + p.total + ' requests, ' + p.seconds.toFixed(1) + ' s';
    $('matrix-status').textContent = 'Running ...';
  });
  events.addEventListener('failed', m => {
    stop();
    problems($('matrix-problems'), JSON.parse(m.data).problems);
    $('matrix-status').textContent = 'Not run: see the problems.';
  });
  events.addEventListener('done', m => {
    stop();
    matrixData = JSON.parse(m.data);
    renderMatrix();
    $('matrix-status').textContent = 'Done: ' + matrixData.rows.length + ' requests, ' + matrixData.findings.length + ' finding(s).';
  });
});

function options(select, values) {
  const keep = select.value;
  select.replaceChildren(el('option', {value: '', text: 'all'}), ...values.map(v => el('option', {value: v, text: v})));
  select.value = values.includes(keep) ? keep : '';
}

function renderMatrix() {
  const d = matrixData;
  const links = $('matrix-links');
  links.replaceChildren();
  if (d.report) links.append(el('a', {id: 'report-link', href: d.report, target: '_blank', text: 'HTML report'}), ' · ');
  if (d.reportProblem) links.append(el('span', {text: d.reportProblem}), ' · ');
  links.append(el('a', {href: d.verifyMd, target: '_blank', text: 'verify.md'}));
  options($('filter-kind'), [...new Set(d.rows.map(r => r.kind))]);
  options($('filter-verdict'), [...new Set(d.rows.flatMap(r => Object.values(r.cells).map(c => c.verdict || 'INFRASTRUCTURE_ERROR')))]);
  options($('filter-engine'), d.engines);
  $('matrix-grid').querySelector('thead').replaceChildren(el('tr', {},
    el('th', {scope: 'col', text: 'id'}), el('th', {scope: 'col', text: 'request'}), el('th', {scope: 'col', text: 'origin kind'}),
    el('th', {scope: 'col', text: 'policy'}), d.engines.map(e => el('th', {scope: 'col', text: e}))));
  $('matrix-findings').replaceChildren(...(d.findings.length ? d.findings.map(f => el('div', {class: 'finding'},
    el('h3', {text: '[' + f.severity + '] ' + f.kind + ': ' + f.title}), el('p', {class: 'fix', text: 'Fix: ' + f.fix}),
    el('ul', {}, f.evidence.map(line => el('li', {class: 'mono', text: line}))))) : [el('p', {text: 'No findings.'})]));
  filterMatrix();
  $('matrix-result').hidden = false;
}

function filterMatrix() {
  if (!matrixData) return;
  const kind = $('filter-kind').value, verdict = $('filter-verdict').value, engine = $('filter-engine').value;
  const engines = engine ? [engine] : matrixData.engines;
  const rows = matrixData.rows.filter(r => (!kind || r.kind === kind)
    && (!verdict || engines.some(e => r.cells[e] && (r.cells[e].verdict || 'INFRASTRUCTURE_ERROR') === verdict)));
  $('matrix-grid').querySelector('tbody').replaceChildren(...rows.map(r => el('tr', {'data-kind': r.kind},
    el('td', {text: r.id}), el('td', {text: r.title}), el('td', {text: r.kind}), el('td', {text: r.expected}),
    matrixData.engines.map(e => {
      const c = r.cells[e];
      return el('td', {class: c ? c.status : 'not-run', 'data-engine': e, title: c ? c.detail : 'checked without a browser only',
        text: c ? (c.verdict || 'infrastructure error') + (c.status === 'MATCHED' ? '' : ' ✗') : 'browser-free only'});
    }))));
  $('filter-count').textContent = rows.length + ' of ' + matrixData.rows.length + ' requests';
}
['filter-kind', 'filter-verdict', 'filter-engine'].forEach(id => $(id).addEventListener('change', filterMatrix));

// History and exports.
async function loadHistory() {
  const list = await api('/api/history');
  $('history-list').replaceChildren(...(list.length ? list.map(h => el('li', {'data-id': String(h.id)},
    el('span', {text: '#' + h.id + ' ' + h.title + ': '}),
    el('span', {class: 'mono', text: h.problems ? h.problems + ' input problem(s)'
      : Object.entries(h.verdicts).map(([e, v]) => e + ' ' + v).join(', ')}),
    showButton(h.id),
    h.exportable ? [exportButton(h.id, 'case', 'as a case-table row'), exportButton(h.id, 'policy', 'as a policy endpoint')] : []))
    : [el('li', {text: 'No requests yet.'})]));
}

function showButton(id) {
  const b = el('button', {type: 'button', class: 'export-button', 'data-show': String(id), text: 'Show'});
  b.addEventListener('click', async () => {
    const view = await api('/api/history?id=' + id);
    Object.entries(view.form).forEach(([name, value]) => {
      const field = $('single-form').elements[name];
      if (field) field.value = value === null ? '' : value;
    });
    renderSingle(view);
    $('single-status').textContent = 'Request ' + id + ' of this session.';
    show('single');
    $('tab-single').focus();
  });
  return b;
}

function exportButton(id, as, label) {
  const b = el('button', {type: 'button', class: 'export-button', 'data-export': as, text: 'Export ' + label});
  b.addEventListener('click', async () => {
    $('export-output').textContent = await api('/api/export?id=' + id + '&as=' + as);
    $('export-title').textContent = 'Request #' + id + ' ' + label + (as === 'case' ? ' (fixtures/cases/*.yaml)' : ' (--policy FILE)');
    $('export').hidden = false;
    $('export-output').focus();
  });
  return b;
}
