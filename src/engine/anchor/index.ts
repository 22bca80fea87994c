export { anchorTarget, targetAt, contextFit, type Anchored, type AnchorStatus } from './anchor';
export { shiftRange, shiftRangeThroughEdits, type TextEdit } from './shift';
export { approximateMatches, editDistance, similarity } from './approx';
