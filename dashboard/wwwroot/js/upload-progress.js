// Upload progress: while a returns file is on its way, shows how much of it has gone, in a <progress> element with
// words beside it. Progressive enhancement only: without this module the form posts as any form does and the
// browser shows its own progress.
//
// The page declares:
//   <form data-upload-form>                    the upload form (multipart, with its antiforgery token)
//     <div data-upload-progress hidden>        shown while uploading
//       <progress>  <p data-upload-progress-text aria-live="polite">
//
// The form is sent with XMLHttpRequest (fetch cannot report upload progress) to the same address the browser would
// post it to; the answer is the same page the server would have sent, and its <main> replaces this one's.
import { initAll } from '../lib/govuk-frontend/govuk-frontend.min.js'

// One listener for the document, so that the form in a replaced <main> (after a rejected file) is enhanced too.
document.addEventListener('submit', event => {
  const form = event.target
  if (!(form instanceof HTMLFormElement) || !form.matches('[data-upload-form]')) return
  if (!window.FormData || !('upload' in XMLHttpRequest.prototype)) return
  event.preventDefault()
  send(form)
})

function send (form) {
  const panel = form.querySelector('[data-upload-progress]')
  const bar = panel?.querySelector('progress')
  const text = panel?.querySelector('[data-upload-progress-text]')
  const button = form.querySelector('button[type="submit"]')
  const request = new XMLHttpRequest()

  request.upload.addEventListener('progress', event => {
    if (!event.lengthComputable || !bar) return
    const percent = Math.round((event.loaded / event.total) * 100)
    bar.value = percent
    text.textContent = `Uploaded ${percent}% (${megabytes(event.loaded)} of ${megabytes(event.total)})`
  })
  // The file has gone; the server now checks every row, which can take a while for a large file.
  request.upload.addEventListener('load', () => {
    if (bar) bar.value = 100
    if (text) text.textContent = 'Uploaded. Checking the file…'
  })
  request.addEventListener('load', () => show(request, form))
  // The network failed mid-way: let the browser send the form itself, as it would without JavaScript.
  request.addEventListener('error', () => HTMLFormElement.prototype.submit.call(form))

  if (panel) panel.hidden = false
  if (text) text.textContent = 'Uploading…'
  if (button) button.disabled = true
  request.open('POST', form.action || window.location.href)
  request.send(new FormData(form))
}

function show (request, form) {
  const page = new DOMParser().parseFromString(request.responseText, 'text/html')
  const main = page.querySelector('main')
  // Sent elsewhere (the session ended: the sign-in page), or an answer that is not a page: go there as a browser would.
  if (new URL(request.responseURL).pathname !== window.location.pathname || !main) {
    window.location.assign(request.responseURL)
    return
  }
  document.title = page.title
  const current = document.querySelector('main')
  current.replaceChildren(...main.childNodes)
  initAll({ scope: current })
  // Where a person hears and sees the outcome first: the problems, or the result's heading.
  const focus = current.querySelector('[data-error-summary]') ?? current.querySelector('[data-outcome-heading]')
  focus?.focus()
  focus?.scrollIntoView()
}

function megabytes (bytes) {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`
}
