// Stook's overview page: polls /api/v1/overview and redraws the tables in place. Every name from the data is
// inserted with textContent or setAttribute, never as HTML.
'use strict';

const DATA = '/api/v1/overview';
const POLL_MILLIS = 2000;
const TOKEN_KEY = 'stook-token';

const status = document.getElementById('status');
const login = document.getElementById('login');
const queueFilter = document.getElementById('queue-filter');
const namespaceFilter = document.getElementById('namespace-filter');
const openExplanations = new Set();
let timer = null;
let polling = false;
let pollAgain = false;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function duration(millis) {
  let seconds = Math.max(0, Math.round(millis / 1000));
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]]) {
    if (seconds >= size) {
      parts.push(Math.floor(seconds / size) + unit);
      seconds %= size;
    }
  }
  if (seconds > 0 || parts.length === 0) {
    parts.push(seconds + 's');
  }
  return parts.slice(0, 2).join(' ');
}

function setOptions(select, values, allLabel) {
  const chosen = select.value;
  const wanted = [''].concat(values);
  const current = Array.from(select.options).map((option) => option.value);
  if (wanted.length === current.length && wanted.every((value, i) => value === current[i])) {
    return;
  }
  select.replaceChildren(element('option', allLabel));
  select.options[0].value = '';
  for (const value of values) {
    const option = element('option', value);
    option.value = value;
    select.append(option);
  }
  select.value = wanted.includes(chosen) ? chosen : '';
}

function bar(resource) {
  const track = element('div', null, 'bar');
  track.setAttribute('aria-hidden', 'true');
  const held = element('div', null, 'held');
  held.style.width = Math.min(100, resource.shares.allocated * 100) + '%';
  track.append(held);
  for (const [share, className] of [[resource.shares.fairShare, 'fair'], [resource.shares.guaranteed, 'guaranteed'],
    [resource.shares.max, 'max']]) {
    if (share > 0 && !(className === 'max' && resource.max === null)) {
      const mark = element('div', null, 'mark ' + className);
      mark.style.left = Math.min(100, share * 100) + '%';
      track.append(mark);
    }
  }
  return track;
}

function resourceCell(resource) {
  const cell = element('td', null, 'resource');
  cell.dataset.resource = resource.resource;
  cell.append(bar(resource));
  const numbers = element('p', null, 'numbers');
  numbers.append(element('span', 'holds ' + resource.allocated, 'n-allocated'), ' of ' + resource.capacity + '; ',
    element('span', 'fair share ' + resource.fairShare, 'n-fair-share'), '; ',
    element('span', 'guaranteed ' + resource.guaranteed, 'n-guaranteed'), '; ',
    element('span', resource.max === null ? 'no cap' : 'cap ' + resource.max, 'n-max'));
  if (resource.pending !== '0') {
    numbers.append('; ', element('span', 'pending ' + resource.pending, 'n-pending'));
  }
  cell.append(numbers);
  return cell;
}

function loans(queue) {
  const cell = element('td', null, 'borrowing');
  if (queue.borrowing.length === 0) {
    cell.textContent = '—';
    return cell;
  }
  const list = element('ul');
  for (const loan of queue.borrowing) {
    const from = loan.from.map((lender) =>
      (lender.queue === null ? 'capacity no queue is guaranteed' : lender.queue) + ' (' + lender.amount + ')');
    list.append(element('li', 'borrows ' + loan.amount + ' ' + loan.resource + ' from ' + from.join(', ')));
  }
  cell.append(list);
  return cell;
}

function drawQueues(queues) {
  const resources = queues.length === 0 ? [] : queues[0].resources.map((resource) => resource.resource);
  const head = document.getElementById('queues-head');
  head.replaceChildren(element('th', 'Queue'), element('th', 'Pending pods'));
  for (const name of resources) {
    head.append(element('th', name));
  }
  head.append(element('th', 'Borrowing'));
  for (const cell of head.children) {
    cell.setAttribute('scope', 'col');
  }
  const rows = queues.map((queue) => {
    const row = element('tr');
    row.dataset.queue = queue.path;
    const name = element('th', null, 'queue-name');
    name.setAttribute('scope', 'row');
    name.style.paddingLeft = (0.5 + queue.depth * 1.5) + 'em';
    name.append(element('span', queue.depth > 0 ? '└ ' : '', 'tree'), element('span', queue.name, 'name'));
    if (queue.parent !== null) {
      name.append(element('span', ' (in ' + queue.parent + ')', 'visually-hidden'));
    }
    name.append(element('span', ' weight ' + queue.weight + (queue.leaf ? ', ' + queue.policy.toLowerCase() : ''),
      'detail'));
    row.append(name, element('td', queue.pendingPods, 'pending-pods'));
    for (const resource of queue.resources) {
      row.append(resourceCell(resource));
    }
    row.append(loans(queue));
    return row;
  });
  document.querySelector('#queues tbody').replaceChildren(...rows);
}

function progress(gang) {
  if (gang === null) {
    return element('td', 'lone pod');
  }
  const cell = element('td', null, 'progress');
  const placeable = gang.placeableLastAttempt < 0 ? 'not tried yet' : gang.placeableLastAttempt + ' placeable';
  cell.textContent = gang.created + ' created, ' + placeable + ', ' + gang.placed + ' placed; needs ' + gang.minimum;
  return cell;
}

function explanationDetails(unit) {
  const pending = unit.explanation;
  const details = element('details');
  const key = unit.namespace + '/' + pending.unit;
  details.open = openExplanations.has(key);
  details.addEventListener('toggle', () => {
    if (details.open) {
      openExplanations.add(key);
    } else {
      openExplanations.delete(key);
    }
  });
  const reason = pending.lastAttempt === null ? 'not tried yet' : pending.lastAttempt.reason;
  details.append(element('summary', reason, 'reason'));
  const list = element('dl');
  const add = (term, value) => {
    if (value !== null && value !== undefined && value !== '') {
      list.append(element('dt', term), element('dd', value));
    }
  };
  add('Last attempt', pending.lastAttempt === null ? null : pending.lastAttempt.message);
  for (const holdUp of pending.holdUps) {
    add('Held up', holdUp);
  }
  if (pending.queue !== null) {
    add('Place in queue', pending.queue.position + ' of ' + pending.queue.units + ' in ' + pending.queue.leaf
      + ' (' + pending.queue.policy.toLowerCase() + ')');
  }
  add('Queue problem', pending.queueProblem);
  if (pending.standing !== null) {
    add('Queue standing', 'dominant share ' + pending.standing.dominantShare.toFixed(3) + ', fair share '
      + pending.standing.fairShare.toFixed(3) + ', guaranteed ' + pending.standing.guaranteedShare.toFixed(3));
  }
  if (pending.localityWaitLeftMillis > 0) {
    add('Waits for its data', duration(pending.localityWaitLeftMillis) + ' more');
  }
  add('Pending pods', unit.pods.join(', '));
  details.append(list);
  return details;
}

function drawUnits(overview) {
  const rows = overview.units.map((unit) => {
    const pending = unit.explanation;
    const row = element('tr');
    row.dataset.unit = unit.namespace + '/' + pending.unit;
    const prefix = unit.namespace + '/';
    const gang = pending.gang === null ? null
      : pending.gang.gang.startsWith(prefix) ? pending.gang.gang.slice(prefix.length) : pending.gang.gang;
    const name = element('th', gang === null ? unit.pods[0] : gang, 'unit-name');
    name.setAttribute('scope', 'row');
    const why = element('td', null, 'why');
    why.append(explanationDetails(unit));
    row.append(name, element('td', unit.namespace), element('td', pending.queue === null ? 'none' : pending.queue.leaf),
      progress(pending.gang), element('td', duration(pending.waitingMillis)), why);
    return row;
  });
  document.querySelector('#units tbody').replaceChildren(...rows);
  document.getElementById('units-count').textContent = overview.unitsTotal === overview.units.length
    ? overview.unitsTotal + ' pending' : 'The first ' + overview.units.length + ' of ' + overview.unitsTotal + ' pending';
}

function drawActivity(overview) {
  const ago = (atMillis) => duration(overview.asOfMillis - atMillis) + ' ago';
  document.querySelector('#evictions tbody').replaceChildren(...overview.evictions.map((eviction) => {
    const row = element('tr');
    row.append(element('td', ago(eviction.atMillis)), element('td', eviction.namespace + '/' + eviction.pod),
      element('td', eviction.queue === null ? 'none' : eviction.queue), element('td', eviction.reason),
      element('td', eviction.message));
    return row;
  }));
  document.querySelector('#cycles tbody').replaceChildren(...overview.cycles.map((cycle) => {
    const row = element('tr');
    row.append(element('td', ago(cycle.atMillis)), element('td', cycle.durationMillis.toFixed(1) + ' ms'),
      element('td', cycle.binds), element('td', cycle.evictions), element('td', cycle.waits));
    return row;
  }));
}

function draw(overview) {
  const focused = document.activeElement;
  const focusedUnit = focused && focused.closest('#units tr') ? focused.closest('#units tr').dataset.unit : null;
  setOptions(queueFilter, overview.queues.map((queue) => queue.path), 'All queues');
  setOptions(namespaceFilter, overview.namespaces, 'All namespaces you may see');
  drawQueues(overview.queues);
  drawUnits(overview);
  drawActivity(overview);
  if (focusedUnit !== null) {
    const row = Array.from(document.querySelectorAll('#units tbody tr')).find((r) => r.dataset.unit === focusedUnit);
    const summary = row ? row.querySelector('summary') : null;
    if (summary) {
      summary.focus();
    }
  }
}

// Fetches and draws once; false when the viewer must first give a token.
async function refresh() {
  const query = new URLSearchParams();
  if (queueFilter.value) {
    query.set('queue', queueFilter.value);
  }
  if (namespaceFilter.value) {
    query.set('namespace', namespaceFilter.value);
  }
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  try {
    const response = await fetch(DATA + '?' + query, { headers, cache: 'no-store' });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      login.hidden = false;
      status.textContent = token ? 'The API server did not accept that token; enter another.'
        : 'Enter a bearer token to see the scheduler.';
      return false;
    }
    if (!response.ok) {
      const body = await response.text();
      let message = body;
      try {
        message = JSON.parse(body).error || body;
      } catch (notJson) {
        // a plain-text refusal, shown as it is
      }
      status.textContent = 'The scheduler answered ' + response.status + ': ' + message;
    } else {
      login.hidden = true;
      draw(await response.json());
      status.textContent = 'Updated at ' + new Date().toLocaleTimeString() + '.';
    }
  } catch (error) {
    status.textContent = 'The scheduler could not be reached (' + error.message + '); trying again.';
  }
  return true;
}

// One chain of polls at a time: a filter changed during a fetch polls again once that fetch is done.
async function poll() {
  if (polling) {
    pollAgain = true;
    return;
  }
  polling = true;
  clearTimeout(timer);
  const keepPolling = await refresh();
  polling = false;
  if (pollAgain) {
    pollAgain = false;
    poll();
  } else if (keepPolling) {
    timer = setTimeout(poll, POLL_MILLIS);
  }
}

login.addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
  document.getElementById('token').value = '';
  poll();
});
queueFilter.addEventListener('change', poll);
namespaceFilter.addEventListener('change', poll);
poll();
