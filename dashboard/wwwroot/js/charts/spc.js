// The statistical process control (XmR) chart: the values with a marker per point, coloured and shaped by what the
// point means (improvement, concern, neutral, common cause), the mean, the process limits, the target, the points
// where the limits start again and the baseline forecast with its 95% prediction interval.
import { formatPlain, formatValue } from './format.js'
import { forecastColour, ink, kindOf, pointKinds, rebaseColour, secondaryInk, targetColour } from './palette.js'

export function spcOptions (data, base, theme) {
  const points = data.points ?? []
  const forecast = data.forecast ?? []
  const categories = [...points.map(p => p.period), ...forecast.map(f => f.period)]
  const future = forecast.map(() => null)
  const along = pick => [...points.map(pick), ...future]
  const last = points.length - 1

  // One series per kind of point (nulls elsewhere), so that each kind has its own marker and legend entry and the
  // markers of a point can be found again by series name.
  const markerSeries = pointKinds.map(kind => ({
    name: kind.label,
    type: 'line',
    data: along(p => kindOf(p.pointType) === kind ? p.value : null)
  }))
  const lines = [
    { name: 'Value', type: 'line', data: along(p => p.value), colour: ink, width: 2, dash: 0 },
    { name: 'Mean', type: 'line', data: along(p => p.mean), colour: secondaryInk, width: 1.5, dash: 0 },
    { name: 'Upper process limit', type: 'line', data: along(p => p.upperProcessLimit), colour: secondaryInk, width: 1.5, dash: 6 },
    { name: 'Lower process limit', type: 'line', data: along(p => p.lowerProcessLimit), colour: secondaryInk, width: 1.5, dash: 6 }
  ]
  if (forecast.length > 0 && last >= 0) {
    // Starts at the last value, so that the forecast visibly continues the series.
    const from = Array(last).fill(null)
    lines.push({ name: 'Baseline forecast', type: 'line', data: [...from, points[last].value, ...forecast.map(f => f.value)], colour: forecastColour, width: 2, dash: 4 })
    lines.push({ name: 'Forecast 95% interval, upper', type: 'line', data: [...from, points[last].value, ...forecast.map(f => f.upper)], colour: forecastColour, width: 1, dash: 2 })
    lines.push({ name: 'Forecast 95% interval, lower', type: 'line', data: [...from, points[last].value, ...forecast.map(f => f.lower)], colour: forecastColour, width: 1, dash: 2 })
  }
  const series = [...lines, ...markerSeries]
  const markerSizes = [...lines.map(() => 0), ...pointKinds.map(k => k.size)]

  return {
    ...base,
    chart: { ...base.chart, type: 'line', height: 420 },
    series: series.map(({ name, type, data }) => ({ name, type, data })),
    colors: [...lines.map(l => l.colour), ...pointKinds.map(k => k.colour)],
    stroke: {
      curve: 'straight',
      width: [...lines.map(l => l.width), ...pointKinds.map(() => 0)],
      dashArray: [...lines.map(l => l.dash), ...pointKinds.map(() => 0)]
    },
    markers: {
      size: markerSizes,
      shape: [...lines.map(() => 'line'), ...pointKinds.map(k => k.shape)],
      strokeColors: '#ffffff',
      strokeWidth: 1,
      hover: { sizeOffset: 2 }
    },
    xaxis: {
      ...base.xaxis,
      type: 'category',
      categories,
      title: { text: 'Period', style: theme.axisTitleStyle },
      labels: { ...base.xaxis.labels, rotate: -45, hideOverlappingLabels: true }
    },
    yaxis: {
      ...base.yaxis,
      title: { text: data.suffix ? `Value (${data.suffix.trim()})` : 'Value', style: theme.axisTitleStyle },
      labels: { ...base.yaxis.labels, formatter: v => formatPlain(v, data) }
    },
    tooltip: { ...base.tooltip, shared: false, y: { formatter: v => formatValue(v, data, 1) } },
    annotations: {
      yaxis: data.target === null || data.target === undefined
        ? []
        : [{
            y: data.target,
            borderColor: targetColour,
            strokeDashArray: 0,
            borderWidth: 2,
            label: { text: `Target ${formatValue(data.target, data)}`, ...theme.annotationLabel(targetColour) }
          }],
      xaxis: (data.rebases ?? []).filter(r => categories.includes(r)).map(period => ({
        x: period,
        borderColor: rebaseColour,
        strokeDashArray: 3,
        label: { text: `New limits from ${period}`, orientation: 'horizontal', ...theme.annotationLabel(rebaseColour) }
      }))
    }
  }
}

/** What a screen reader hears for the chart: its shape in words; the table has every number. */
export function spcSummary (data) {
  const points = data.points ?? []
  if (points.length === 0) return `${data.title}: no values to chart yet.`
  const latest = points[points.length - 1]
  const counts = pointKinds.filter(k => k.kind !== 'common')
    .map(k => [k, points.filter(p => kindOf(p.pointType) === k).length])
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k.label.toLowerCase()}`)
  const parts = [
    `${data.title}: statistical process control chart of ${points.length} periods from ${points[0].period} to ${latest.period}.`,
    `Latest value ${formatValue(latest.value, data)} for ${latest.period}, ${kindOf(latest.pointType).label.toLowerCase()}.`,
    `Mean ${formatValue(latest.mean, data, 1)}, process limits ${formatPlain(latest.lowerProcessLimit, data, 1)} to ${formatPlain(latest.upperProcessLimit, data, 1)}.`,
    counts.length > 0 ? `Points of special cause: ${counts.join(', ')}.` : 'No point of special cause.'
  ]
  if (data.target !== null && data.target !== undefined) parts.push(`Target ${formatValue(data.target, data)}.`)
  if ((data.rebases ?? []).length > 0) parts.push(`Limits start again from ${data.rebases.join(', ')}.`)
  const forecast = data.forecast ?? []
  if (forecast.length > 0) {
    const end = forecast[forecast.length - 1]
    parts.push(`Baseline forecast ${formatValue(end.value, data)} by ${end.period}.`)
  }
  return parts.join(' ')
}

/** Marks each marker with its period and point type, so that tests and readers of the exported SVG can tell them apart. */
export function markSpcPoints (canvas, data) {
  const points = data.points ?? []
  for (const kind of pointKinds) {
    const group = canvas.querySelector(`.apexcharts-series[seriesName="${CSS.escape(seriesNameOf(kind.label))}"]`)
    if (!group) continue
    // Drawn markers only: ApexCharts also keeps a hidden hover marker per series.
    for (const marker of group.querySelectorAll('.apexcharts-series-markers .apexcharts-marker')) {
      const point = points[Number(marker.getAttribute('rel'))]
      if (!point) continue
      marker.setAttribute('data-period', point.period)
      marker.setAttribute('data-point-type', point.pointType)
      marker.setAttribute('data-point-kind', kind.kind)
    }
  }
}

// ApexCharts' seriesName attribute: the name with characters other than letters and digits replaced by 'x'.
function seriesNameOf (name) {
  return name.replace(/[^\w\d]/g, 'x')
}
