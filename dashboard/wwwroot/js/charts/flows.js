// Who pays and who gains in a cost-benefit case: for each sector, side by side, what it paid towards the case (its
// share of the pool), what it gains, and its fair share of the cost were costs to follow gains. Each series has its
// own fill pattern as well as its colour, and the legend names them, so colour is never the only signal.
import { ink } from './palette.js'

const series = [
  { key: 'paidPence', name: 'Paid towards this', colour: '#5694ca', fill: 'solid' },
  { key: 'gainsPence', name: 'Gains', colour: '#003078', fill: 'pattern' },
  { key: 'fairSharePence', name: 'Fair share', colour: '#505a5f', fill: 'pattern' }
]

const pounds = pence => `£${Math.round(pence / 100).toLocaleString('en-GB')}`

export function flowsOptions (data, base, theme) {
  const sectors = data.sectors ?? []
  return {
    ...base,
    chart: { ...base.chart, type: 'bar', height: Math.max(220, sectors.length * 90 + 120) },
    series: series.map(s => ({ name: s.name, data: sectors.map(f => f[s.key]) })),
    colors: series.map(s => s.colour),
    fill: {
      type: series.map(s => s.fill),
      opacity: 1,
      pattern: { style: ['verticalLines', 'slantedLines', 'horizontalLines'], width: 6, height: 6, strokeWidth: 2 }
    },
    stroke: { show: true, width: 1, colors: [ink] },
    plotOptions: { bar: { horizontal: true, barHeight: '75%' } },
    xaxis: {
      ...base.xaxis,
      categories: sectors.map(f => f.sector),
      title: { text: 'Present value (£)', style: theme.axisTitleStyle },
      labels: { ...base.xaxis.labels, formatter: v => pounds(v) }
    },
    yaxis: { ...base.yaxis, labels: { ...base.yaxis.labels, maxWidth: 220 } },
    tooltip: { ...base.tooltip, y: { formatter: v => pounds(v) } }
  }
}

export function flowsSummary (data) {
  const sectors = data.sectors ?? []
  if (sectors.length === 0) return `${data.title}: nothing to chart yet.`
  const parts = [`${data.title}: bar chart of ${sectors.length} sectors in the order of the table, each with what it paid towards the case, what it gains and its fair share.`]
  for (const f of sectors) parts.push(`${f.sector}: paid ${pounds(f.paidPence)}, gains ${pounds(f.gainsPence)}, fair share ${pounds(f.fairSharePence)}.`)
  return parts.join(' ')
}

export function decorateFlows () {}
