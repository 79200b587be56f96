// GOV.UK Frontend's own behaviour (skip link focus and the like), only where the browser supports it: the pages
// work without it.
import { initAll } from '../lib/govuk-frontend/govuk-frontend.min.js'

if (document.body.classList.contains('govuk-frontend-supported')) {
  initAll()
}
