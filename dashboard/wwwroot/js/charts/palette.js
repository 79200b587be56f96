// Colours and marker shapes of the charts. Every colour keeps 3:1 against white (WCAG 1.4.11), and every verdict
// also has its own marker shape and legend words, so colour is never the only signal. The colours follow the
// pages' tags ("Making Data Count": blue improvement, orange concern, purple neutral, grey common cause).
export const ink = '#0b0c0c'
export const secondaryInk = '#505a5f'
export const grid = '#b1b4b6'

// One legend entry per kind of point; `names` are the API's point types (PointType, snake_case).
export const pointKinds = [
  { kind: 'improvement', names: ['special_cause_improvement'], label: 'Improvement (special cause)', colour: '#1d70b8', shape: 'square', size: 7 },
  { kind: 'concern', names: ['special_cause_concern'], label: 'Concern (special cause)', colour: '#d06d00', shape: 'triangle', size: 8 },
  { kind: 'neutral', names: ['special_cause_neutral_high', 'special_cause_neutral_low'], label: 'Unusual, neither better nor worse (special cause)', colour: '#4c2c92', shape: 'diamond', size: 8 },
  { kind: 'common', names: ['common_cause'], label: 'Common cause', colour: '#505a5f', shape: 'circle', size: 4 }
]

export function kindOf (pointType) {
  return pointKinds.find(k => k.names.includes(pointType)) ?? pointKinds[pointKinds.length - 1]
}

export const forecastColour = '#6f72af'
export const targetColour = '#00703c'
export const rebaseColour = '#0b0c0c'
export const barColour = '#5694ca'
export const highlightColour = '#003078'
