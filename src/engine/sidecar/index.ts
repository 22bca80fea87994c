// Sidecars: a person's annotations and decisions, read, checked, written back and applied over the analysis.
export * from './schema';
export { parseSidecar, parseFolderDecisions, MAX_SIDECAR_CHARS, MAX_ALIAS_COUNT, MAX_NESTING, type Parsed, type SidecarProblem } from './parse';
export { serializeSidecar, serializeFolderDecisions, compareAnnotations } from './write';
export { anchorAnnotations, type SidecarInput, type PairingProblem } from './annotations';
export { matchSidecars, sidecarPathForArticle, stemSidecarPath, fullSidecarPath, presumedArticle, ambiguousSidecarMessage, type SidecarName, type SidecarMatch } from './naming';
export { applyDecisions, nameKey, type Decisions } from './decisions';
export { exportW3C, codePoints, type W3CAnnotation, type W3CCollection } from './w3c';
export {
  newAnnotationId, makeAnnotation, addAnnotation, changeAnnotation, removeAnnotation, retarget, setVerdict, setNote,
  linkFact, ensureFact, nameEntity, splitEntity, markNotEntity, type NewAnnotation,
} from './edit';
