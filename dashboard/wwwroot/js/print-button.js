// The committee paper's "Print or save as PDF" button: shown only where this script runs (without it, the page's
// sentence says to use the browser's print command, which does the same).
for (const control of document.querySelectorAll('[data-print-control]')) {
  control.hidden = false
  control.querySelector('[data-print-button]')?.addEventListener('click', () => window.print())
}
for (const fallback of document.querySelectorAll('[data-print-fallback]')) {
  fallback.hidden = true
}
