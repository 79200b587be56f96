// Live figures: keeps the figures a page shows up to date while it is open. Progressive enhancement only: the
// server-rendered page is complete without this module.
//
// The page declares what it shows:
//   <div data-live-group="place:E08000003" data-live-catch-up="/live/places/E08000003">   the hub group to watch,
//                                                                                         and where to catch up
//     <tr data-live-place="E08000003" data-live-indicator="delayed-discharge-days">       one figure
//       <td data-live-period>  <td data-live-value data-decimals="1" data-suffix="%">      its cells
//   <div aria-live="polite" data-live-announcer>                                          where changes are announced
//   <p data-live-status hidden>                                                           connection state, shown by JS
//
// A region the server re-renders as a whole (a scorecard, a chart and its table) declares instead:
//   <section id="scorecard" data-live-groups="place:E08000003 indicator:E08000003/x"     the groups it shows
//            data-live-refresh data-live-label="Scorecard updated">                      re-fetched on a change
// On a change for one of its groups the page's own URL is fetched again and the region is swapped for the one with
// the same id, so the figures come from the same server code as on first load; then `scrutiny:refreshed` is
// dispatched on document ({detail: {element}}) for scripts such as charts.js to redraw. On every (re)connect each
// region is refreshed once: that is its catch-up.
//
// The hub (/hubs/scrutiny) takes Watch(group) and sends `changed` with {kind, keys, groups, period, value, at}.

const hubPath = '/hubs/scrutiny'
// Kept the same as the server's ValueFormat.NotAvailable.
const notAvailable = 'Not available'

const containers = [...document.querySelectorAll('[data-live-group], [data-live-groups]')]
// Regions are found again by id when refreshed, since a refresh replaces the element.
const regionIds = [...document.querySelectorAll('[data-live-refresh][id]')].map(r => r.id)
// What the server last rendered in each region, kept apart from the page because scripts (charts.js) add to a
// region once it is shown: a refresh swaps the region only when the server's rendering changed. Modules run in
// document order, so this runs before charts.js draws.
const serverHtml = new Map(regionIds.map(id => [id, document.getElementById(id).innerHTML]))
// A burst of changes (an import of many values) refreshes a region once, shortly after the burst starts.
const refreshDelay = 150
const pendingRefresh = new Map()
// Every group the page watches, kept across reconnects; a refreshed region may bring new ones (a panel given a
// new figure), which are watched from then on.
const watchedGroups = new Set(containers.flatMap(groupsOf))
let liveConnection = null

if (containers.length > 0 && window.signalR) {
  start(window.signalR)
}

function groupsOf (element) {
  return [element.dataset.liveGroup, ...(element.dataset.liveGroups ?? '').split(/\s+/)].filter(Boolean)
}

function start (signalR) {
  const groups = watchedGroups
  const catchUpUrls = [...new Set(containers.map(c => c.dataset.liveCatchUp).filter(Boolean))]
  // WebSockets without negotiation: one request, so a load balancer without session affinity can send it to any node.
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(hubPath, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build()
  liveConnection = connection

  connection.on('changed', change => {
    apply(change, true)
    refreshRegionsFor(change)
  })
  // This node may have missed changes (the cluster's feed moved to another node): read again, as after a reconnect.
  connection.on('catchUp', () => catchUpAll(catchUpUrls))
  connection.onreconnecting(() => status('Reconnecting to live updates…'))
  // Groups belong to a connection: a new connection watches nothing until it asks again.
  connection.onreconnected(() => watch(connection, groups, catchUpUrls).catch(() => connection.stop()))
  // Automatic reconnection has given up (the server was away too long): keep trying, less often.
  connection.onclose(() => retry(connection, groups, catchUpUrls))

  connect(connection, groups, catchUpUrls)
}

async function connect (connection, groups, catchUpUrls) {
  try {
    await connection.start()
    await watch(connection, groups, catchUpUrls)
  } catch {
    // Not started: try again later. Started but not watching: stop, and onclose tries again later.
    if (connection.state === window.signalR.HubConnectionState.Disconnected) {
      retry(connection, groups, catchUpUrls)
    } else {
      connection.stop()
    }
  }
}

function retry (connection, groups, catchUpUrls) {
  status('Live updates are paused. Reload the page to see the latest figures.')
  setTimeout(() => connect(connection, groups, catchUpUrls), 30000)
}

async function watch (connection, groups, catchUpUrls) {
  for (const group of groups) {
    await connection.invoke('Watch', group)
  }
  status(null)
  // Changes made before we were watching (page load, or while disconnected) arrive by no message: fetch them.
  await catchUpAll(catchUpUrls)
}

function catchUpAll (catchUpUrls) {
  return Promise.all([...catchUpUrls.map(catchUp), ...regionIds.map(refresh)])
}

function watchNewGroups (groups) {
  for (const group of groups.filter(g => !watchedGroups.has(g))) {
    watchedGroups.add(group)
    // Not connected now: the next (re)connect watches every group in the set, this one included.
    if (liveConnection?.state === window.signalR.HubConnectionState.Connected) {
      liveConnection.invoke('Watch', group).catch(() => {})
    }
  }
}

function refreshRegionsFor (change) {
  const changed = new Set(change.groups ?? [])
  for (const id of regionIds) {
    const region = document.getElementById(id)
    if (!region || !groupsOf(region).some(g => changed.has(g)) || pendingRefresh.has(id)) continue
    pendingRefresh.set(id, setTimeout(() => {
      pendingRefresh.delete(id)
      refresh(id)
    }, refreshDelay))
  }
}

// A region is announced whenever its rendering changed, whether a message or a catch-up brought the change: a
// change caught up on is as new to the reader as one pushed.
async function refresh (id) {
  try {
    const response = await fetch(location.href, { headers: { Accept: 'text/html' }, cache: 'no-store' })
    if (!response.ok) return
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(id)
    const current = document.getElementById(id)
    if (!fresh || !current) return
    if (fresh.innerHTML === serverHtml.get(id)) return
    serverHtml.set(id, fresh.innerHTML)
    // Keep keyboard focus where it was when the focused control is in the new region too.
    const focusedId = current.contains(document.activeElement) ? document.activeElement.id : null
    current.replaceWith(fresh)
    watchNewGroups(groupsOf(fresh))
    if (focusedId) document.getElementById(focusedId)?.focus()
    highlight(fresh)
    document.dispatchEvent(new CustomEvent('scrutiny:refreshed', { detail: { element: fresh } }))
    if (fresh.dataset.liveLabel) say(fresh.dataset.liveLabel)
  } catch {
    // The next change or reconnect refreshes again; the region shown stays as it was.
  }
}

async function catchUp (url) {
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' })
    if (!response.ok) return
    for (const change of await response.json()) {
      apply(change, true)
    }
  } catch {
    // The next reconnect catches up again; the figures shown stay as they were.
  }
}

function apply (change, announce) {
  const { place, indicator } = change.keys ?? {}
  if (!place || !indicator) return
  const selector = `[data-live-place="${CSS.escape(place)}"][data-live-indicator="${CSS.escape(indicator)}"]`
  for (const row of document.querySelectorAll(selector)) {
    const valueCell = row.querySelector('[data-live-value]')
    const periodCell = row.querySelector('[data-live-period]')
    const valueText = valueCell ? format(change.value, valueCell.dataset) : null
    const changed = (valueCell && valueCell.textContent.trim() !== valueText) ||
      (periodCell && periodCell.textContent.trim() !== (change.period ?? ''))
    if (!changed) continue
    if (valueCell) valueCell.textContent = valueText
    if (periodCell) periodCell.textContent = change.period ?? ''
    highlight(row)
    if (announce) {
      const title = row.querySelector('th')?.textContent.trim() ?? indicator
      say(`${title}: ${valueText} for ${change.period}`)
    }
  }
}

// Same rules as the server's ValueFormat: thousands separators, fixed decimals, then the unit's suffix.
function format (value, { decimals, suffix }) {
  if (value === null || value === undefined) return notAvailable
  const digits = Number(decimals ?? 0)
  const number = Number(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
  return number + (suffix ?? '')
}

function highlight (row) {
  row.classList.remove('app-live-updated')
  // Force a reflow so that the animation restarts when the same row changes twice in a row.
  void row.offsetWidth
  row.classList.add('app-live-updated')
}

function say (text) {
  const announcer = document.querySelector('[data-live-announcer]')
  if (!announcer) return
  // Several changes can arrive together; each gets its own line so that none replaces another before it is read.
  const line = document.createElement('p')
  line.textContent = text
  announcer.append(line)
  setTimeout(() => line.remove(), 10000)
}

// null: the page is live. Each page may say in its own words what updates (data-live-status="…"); a page of
// figures need not.
function status (text) {
  for (const element of document.querySelectorAll('[data-live-status]')) {
    element.textContent = text ?? (element.dataset.liveStatus || 'Figures on this page update as agencies send returns.')
    element.hidden = false
  }
}
