// Charts: draws every <figure data-chart> from the JSON in its <script data-chart-data>, with ApexCharts, and adds
// PNG and SVG downloads. Progressive enhancement only: each figure links to a table with the same numbers, which
// is the page's content without JavaScript.
//
//   <figure class="app-chart" data-chart="spc|bar-intervals|flows" id="…">
//     <figcaption>…</figcaption>
//     <script type="application/json" data-chart-data>{…}</script>
//     <div class="app-chart__canvas" data-chart-canvas></div>
//     <p>… link to the table …</p>
//   </figure>
//
// Figures are drawn on load and again when live.js swaps in a fresh region (`scrutiny:refreshed`).
import { barIntervalsOptions, barIntervalsSummary, drawIntervals } from './charts/bar-intervals.js'
import { addDownloads } from './charts/downloads.js'
import { decorateFlows, flowsOptions, flowsSummary } from './charts/flows.js'
import { ink, secondaryInk, grid } from './charts/palette.js'
import { markSpcPoints, spcOptions, spcSummary } from './charts/spc.js'

const kinds = {
  spc: { options: spcOptions, summary: spcSummary, decorate: markSpcPoints },
  'bar-intervals': { options: barIntervalsOptions, summary: barIntervalsSummary, decorate: drawIntervals },
  flows: { options: flowsOptions, summary: flowsSummary, decorate: decorateFlows }
}

// The chart drawn in each figure, by figure id, so that a redraw destroys the old one first.
const drawn = new Map()

if (window.ApexCharts) {
  drawAll(document)
  document.addEventListener('scrutiny:refreshed', event => drawAll(event.detail?.element ?? document))
}

function drawAll (root) {
  const figures = [...root.querySelectorAll('[data-chart]')]
  if (root.matches?.('[data-chart]')) figures.push(root)
  // Charts whose figure has left the page (replaced by a refresh) are destroyed, to free their listeners.
  for (const [id, entry] of drawn) {
    if (!document.contains(entry.figure)) {
      entry.chart.destroy()
      drawn.delete(id)
    }
  }
  for (const figure of figures) draw(figure)
}

async function draw (figure) {
  const kind = kinds[figure.dataset.chart]
  const canvas = figure.querySelector('[data-chart-canvas]')
  const island = figure.querySelector('script[data-chart-data]')
  if (!kind || !canvas || !island) return
  let data
  try {
    data = JSON.parse(island.textContent)
  } catch {
    return // the table still has the numbers
  }

  drawn.get(figure.id)?.chart.destroy()
  drawn.delete(figure.id)
  canvas.replaceChildren()

  // The canvas is one image to assistive technology, described in words; the table beside it has the numbers.
  canvas.setAttribute('role', 'img')
  canvas.setAttribute('aria-label', kind.summary(data))
  // GOV.UK Frontend sets its font on its own classes, not on body: take the caption's.
  const fontFamily = getComputedStyle(figure.querySelector('figcaption') ?? figure).fontFamily
  const options = kind.options(data, baseOptions(fontFamily), theme(fontFamily))
  const decorate = () => {
    scalable(canvas)
    kind.decorate(canvas, data)
  }
  options.chart.events = { mounted: decorate, updated: decorate }
  const chart = new window.ApexCharts(canvas, options)
  drawn.set(figure.id, { chart, figure })
  await chart.render()
  figure.classList.add('app-chart--drawn')
  addDownloads(figure, chart, data.title)
}

// A viewBox lets the SVG scale with its width (the print stylesheet prints it as wide as the paper).
function scalable (canvas) {
  const svg = canvas.querySelector('svg.apexcharts-svg')
  const width = Number.parseFloat(svg?.getAttribute('width'))
  const height = Number.parseFloat(svg?.getAttribute('height'))
  if (width > 0 && height > 0) svg.setAttribute('viewBox', `0 0 ${width} ${height}`)
}

// What every chart shares: the page's own font (no web font is ever fetched), no toolbar (the figure has its own
// downloads), no animation (reduced motion, and a chart drawn at once is a chart a test can read).
function baseOptions (fontFamily) {
  const labelStyle = { colors: ink, fontSize: '14px', fontFamily }
  return {
    chart: {
      fontFamily,
      foreColor: ink,
      toolbar: { show: false },
      zoom: { enabled: false },
      selection: { enabled: false },
      animations: { enabled: false, dynamicAnimation: { enabled: false } },
      // Our canvas carries the role and description; ApexCharts' own keyboard layer would add focus stops
      // inside an image.
      accessibility: { enabled: false, keyboard: { enabled: false } },
      parentHeightOffset: 0,
      redrawOnWindowResize: true,
      // The page links ApexCharts' styles as files: the Content-Security-Policy refuses <style> elements.
      injectStyleSheet: false
    },
    grid: { borderColor: grid, strokeDashArray: 2 },
    dataLabels: { enabled: false },
    legend: {
      show: true,
      position: 'bottom',
      horizontalAlign: 'left',
      // A kind of point the chart does not have needs no key.
      showForNullSeries: false,
      fontSize: '14px',
      fontFamily,
      labels: { colors: ink },
      // Clicking a legend entry would hide a series: the chart would no longer match its table.
      onItemClick: { toggleDataSeries: false },
      onItemHover: { highlightDataSeries: false }
    },
    tooltip: { enabled: true, style: { fontSize: '14px', fontFamily } },
    states: { hover: { filter: { type: 'none' } }, active: { filter: { type: 'none' } } },
    xaxis: { labels: { style: labelStyle }, axisBorder: { color: secondaryInk }, axisTicks: { color: secondaryInk } },
    yaxis: { labels: { style: labelStyle } }
  }
}

// Styles the chart kinds use for their own axis titles and annotation labels.
function theme (fontFamily) {
  return {
    axisTitleStyle: { color: ink, fontSize: '14px', fontFamily, fontWeight: 700 },
    annotationLabel: colour => ({
      borderColor: colour,
      style: { color: '#ffffff', background: colour, fontSize: '13px', fontFamily }
    })
  }
}
