// Places side by side: a horizontal bar per place in the server's order, its 95% interval drawn over the bar as an
// error bar, the highlighted place patterned and named in the legend (not told by colour alone), and a labelled
// line at the reference value (England, or the parent).
import { formatPlain, formatValue } from './format.js'
import { barColour, highlightColour, ink } from './palette.js'

const outcomeWords = {
  better: 'better', similar: 'similar', worse: 'worse', higher: 'higher', lower: 'lower', not_compared: 'not compared'
}

export function barIntervalsOptions (data, base, theme) {
  const items = data.items ?? []
  const highlighted = items.some(i => i.highlight)
  const series = [{ name: highlighted ? 'Other places' : 'Value', data: items.map(i => i.highlight ? null : i.value) }]
  if (highlighted) series.push({ name: 'Highlighted', data: items.map(i => i.highlight ? i.value : null) })
  const reference = data.reference

  return {
    ...base,
    chart: { ...base.chart, type: 'bar', stacked: true, height: Math.max(200, items.length * 34 + 140) },
    series,
    colors: [barColour, highlightColour],
    fill: {
      type: highlighted ? ['solid', 'pattern'] : ['solid'],
      opacity: 1,
      pattern: { style: 'slantedLines', width: 6, height: 6, strokeWidth: 2 }
    },
    plotOptions: { bar: { horizontal: true, barHeight: '60%' } },
    xaxis: {
      ...base.xaxis,
      categories: items.map(i => i.highlight ? `${i.label} (highlighted)` : i.label),
      title: { text: data.suffix ? `Value (${data.suffix.trim()})` : 'Value', style: theme.axisTitleStyle },
      labels: { ...base.xaxis.labels, formatter: v => formatPlain(v, data) }
    },
    // The value axis reaches every interval's end and the reference line, not only the bars.
    yaxis: { ...base.yaxis, ...valueRange(data), labels: { ...base.yaxis.labels, maxWidth: 260 } },
    legend: { ...base.legend, show: highlighted },
    tooltip: {
      ...base.tooltip,
      y: { formatter: (v, { dataPointIndex }) => describe(items[dataPointIndex], data) ?? formatValue(v, data) }
    },
    annotations: {
      xaxis: reference && reference.value !== null && reference.value !== undefined
        ? [{
            x: reference.value,
            borderColor: ink,
            strokeDashArray: 4,
            borderWidth: 2,
            // Anchored at its end, the label reads leftwards from the line and stays inside the plot even when the
            // reference is the axis maximum.
            label: { text: `${reference.label}: ${formatValue(reference.value, data)}`, orientation: 'horizontal', textAnchor: 'end', ...theme.annotationLabel(ink) }
          }]
        : []
    }
  }
}

function valueRange (data) {
  const numbers = (data.items ?? []).flatMap(i => [i.value, i.lower, i.upper])
    .concat(data.reference?.value)
    .filter(v => v !== null && v !== undefined)
  if (numbers.length === 0) return {}
  return { min: Math.min(0, ...numbers), max: Math.max(0, ...numbers), forceNiceScale: true }
}

export function barIntervalsSummary (data) {
  const items = data.items ?? []
  const valued = items.filter(i => i.value !== null && i.value !== undefined)
  if (valued.length === 0) return `${data.title}: no values to chart yet.`
  const parts = [`${data.title}: bar chart of ${items.length} places in the order of the table, each with its 95% interval.`]
  const highest = valued.reduce((a, b) => b.value > a.value ? b : a)
  const lowest = valued.reduce((a, b) => b.value < a.value ? b : a)
  parts.push(`Highest ${highest.label}, ${formatValue(highest.value, data)}; lowest ${lowest.label}, ${formatValue(lowest.value, data)}.`)
  for (const item of items.filter(i => i.highlight)) parts.push(`Highlighted: ${describe(item, data)}.`)
  if (data.reference && data.reference.value !== null && data.reference.value !== undefined) {
    parts.push(`Line at ${data.reference.label}, ${formatValue(data.reference.value, data)}.`)
  }
  return parts.join(' ')
}

function describe (item, data) {
  if (!item) return null
  let text = `${item.label} ${formatValue(item.value, data)}`
  if (item.lower !== null && item.lower !== undefined && item.upper !== null && item.upper !== undefined) {
    text += ` (95% interval ${formatPlain(item.lower, data)} to ${formatPlain(item.upper, data)})`
  }
  if (item.outcome && outcomeWords[item.outcome]) text += `, ${outcomeWords[item.outcome]}`
  return text
}

const svgNs = 'http://www.w3.org/2000/svg'

/**
 * Draws each item's 95% interval as an error bar over its bar, into the chart's own SVG so that the downloads
 * carry it. ApexCharts has no error bars for horizontal bars; the scale is read back from the bars it drew.
 */
export function drawIntervals (canvas, data) {
  const svg = canvas.querySelector('svg.apexcharts-svg')
  if (!svg) return
  svg.querySelector('.app-chart-intervals')?.remove()
  const items = data.items ?? []
  const rows = new Map()
  for (const bar of svg.querySelectorAll('path.apexcharts-bar-area')) {
    const j = Number(bar.getAttribute('j'))
    const item = items[j]
    if (!item || item.value === null || item.value === undefined) continue
    const box = viewportBox(bar)
    if (box.width <= 0 && item.value !== 0) continue
    bar.setAttribute('data-code', item.code)
    if (item.highlight) bar.setAttribute('data-highlight', '')
    rows.set(j, box)
  }
  // value → x, from a bar of non-zero value: it runs from zero to its value.
  const scaleFrom = [...rows].find(([j, box]) => items[j].value !== 0 && box.width > 0)
  if (!scaleFrom) return
  const [j0, b0] = scaleFrom
  const unit = b0.width / Math.abs(items[j0].value)
  const zero = items[j0].value > 0 ? b0.x : b0.x + b0.width
  const x = v => zero + v * unit

  const layer = document.createElementNS(svgNs, 'g')
  layer.setAttribute('class', 'app-chart-intervals')
  for (const [j, box] of rows) {
    const { lower, upper, code } = items[j]
    if (lower === null || lower === undefined || upper === null || upper === undefined) continue
    const y = box.y + box.height / 2
    const cap = Math.min(box.height * 0.35, 8)
    const group = document.createElementNS(svgNs, 'g')
    group.setAttribute('data-interval', code)
    const strokes = [[x(lower), y, x(upper), y], [x(lower), y - cap, x(lower), y + cap], [x(upper), y - cap, x(upper), y + cap]]
    // A white halo under the ink keeps the error bar visible where it crosses a dark bar.
    group.append(...strokes.map(s => line(...s, '#ffffff', 4)), ...strokes.map(s => line(...s, ink, 2)))
    layer.append(group)
  }
  svg.append(layer)
}

function line (x1, y1, x2, y2, stroke, width) {
  const element = document.createElementNS(svgNs, 'line')
  for (const [k, v] of Object.entries({ x1, y1, x2, y2 })) element.setAttribute(k, v.toFixed(2))
  element.setAttribute('stroke', stroke)
  element.setAttribute('stroke-width', String(width))
  return element
}

// The element's box in the root <svg>'s coordinates.
function viewportBox (element) {
  const box = element.getBBox()
  const m = element.getCTM()
  const root = element.ownerSVGElement.getScreenCTM()
  const screen = element.getScreenCTM()
  if (!m || !root || !screen) return box
  const toRoot = root.inverse().multiply(screen)
  const p1 = new DOMPoint(box.x, box.y).matrixTransform(toRoot)
  const p2 = new DOMPoint(box.x + box.width, box.y + box.height).matrixTransform(toRoot)
  return { x: Math.min(p1.x, p2.x), y: Math.min(p1.y, p2.y), width: Math.abs(p2.x - p1.x), height: Math.abs(p2.y - p1.y) }
}
