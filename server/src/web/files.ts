// The files the server reads at start, built into the web worker: the knowledge base and the
// corpus index, at the paths the Node server finds them beside its bundle (see node-fs.ts).
import guidelines from '../knowledge/data/guidelines.json';
import citations from '../knowledge/data/citations.json';
import treatments from '../knowledge/data/treatments.json';
import limits from '../knowledge/data/limits.json';
import bodyRegions from '../knowledge/data/body-regions.json';
import diagnoses from '../knowledge/data/diagnoses.json';
import surgeries from '../knowledge/data/surgeries.json';
import medications from '../knowledge/data/medications.json';
import version from '../knowledge/data/version.json';
import timeline from '../knowledge/data/mtus-timeline.json';
import legalFigures from '../knowledge/data/legal-figures.json';
import corpusIndex from '../corpus/data/default-index.json';

/** Where the web build says its bundle lives (__dirname in the browser build). */
export const WEB_ROOT = '/mtus-lint';

export const BUILT_IN_FILES: Record<string, unknown> = {
  [`${WEB_ROOT}/knowledge/guidelines.json`]: guidelines,
  [`${WEB_ROOT}/knowledge/citations.json`]: citations,
  [`${WEB_ROOT}/knowledge/treatments.json`]: treatments,
  [`${WEB_ROOT}/knowledge/limits.json`]: limits,
  [`${WEB_ROOT}/knowledge/body-regions.json`]: bodyRegions,
  [`${WEB_ROOT}/knowledge/diagnoses.json`]: diagnoses,
  [`${WEB_ROOT}/knowledge/surgeries.json`]: surgeries,
  [`${WEB_ROOT}/knowledge/medications.json`]: medications,
  [`${WEB_ROOT}/knowledge/version.json`]: version,
  [`${WEB_ROOT}/knowledge/mtus-timeline.json`]: timeline,
  [`${WEB_ROOT}/knowledge/legal-figures.json`]: legalFigures,
  [`${WEB_ROOT}/corpus/default-index.json`]: corpusIndex,
};
