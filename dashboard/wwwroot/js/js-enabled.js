// Loaded as a classic, blocking script at the top of <body> (see App.razor): GOV.UK Frontend styles its JS-only
// states from these classes, and setting them before the first paint avoids a flash of the no-JS page.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
