// Numbers as the server's ValueFormat writes them (and live.js): en-GB thousands separators, fixed decimals, then
// the unit's suffix. The chart JSON carries the decimals and suffix, so the rules stay on the server.
export function formatValue (value, { decimals, suffix }, extraDecimals = 0) {
  if (value === null || value === undefined) return ''
  const digits = Number(decimals ?? 0) + extraDecimals
  return Number(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) + (suffix ?? '')
}

export function formatPlain (value, { decimals }, extraDecimals = 0) {
  return formatValue(value, { decimals, suffix: '' }, extraDecimals)
}
