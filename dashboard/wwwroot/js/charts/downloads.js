// "Download PNG" and "Download SVG" for a drawn chart, as GOV.UK secondary buttons under it. Added by script only,
// since only a drawn chart has anything to download; the files are named after the figure's id.
export function addDownloads (figure, chart, title) {
  let group = figure.querySelector('[data-chart-downloads]')
  if (!group) {
    group = document.createElement('div')
    group.className = 'govuk-button-group app-chart__downloads'
    group.dataset.chartDownloads = ''
    figure.querySelector('[data-chart-canvas]').after(group)
  }
  const name = figure.id || 'chart'
  group.replaceChildren(
    button('Download PNG', title, 'png', async () => {
      // Twice the size on screen, so that the image stays sharp in a committee paper.
      const result = await chart.dataURI({ scale: 2 })
      save('imgURI' in result ? result.imgURI : URL.createObjectURL(result.blob), `${name}.png`)
    }),
    button('Download SVG', title, 'svg', async () => {
      const svg = await chart.getSvgString()
      save(URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })), `${name}.svg`)
    })
  )
}

function button (text, title, format, onClick) {
  const element = document.createElement('button')
  element.type = 'button'
  element.className = 'govuk-button govuk-button--secondary'
  element.dataset.module = 'govuk-button'
  element.dataset.chartDownload = format
  element.append(text)
  // Several charts on a page: the hidden words tell their buttons apart for screen reader users.
  const hidden = document.createElement('span')
  hidden.className = 'govuk-visually-hidden'
  hidden.textContent = ` of ${title}`
  element.append(hidden)
  element.addEventListener('click', onClick)
  return element
}

function save (href, fileName) {
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  if (href.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(href), 10000)
}
