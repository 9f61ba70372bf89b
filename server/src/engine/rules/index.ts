import { citationEditionForm } from './citation-edition-form';
import { citationNotFound } from './citation-not-found';
import { citationWrongChapter } from './citation-wrong-chapter';
import { extensionWithoutImprovement } from './extension-without-improvement';
import { frequencyOverLimit } from './frequency-over-limit';
import { guidelineHierarchy } from './guideline-hierarchy';
import { guidelineNotCited } from './guideline-not-cited';
import { painReliefOnly } from './pain-relief-only';
import { priorCourseWithoutFacts } from './prior-course-without-facts';
import { manualTherapyBodyRegion } from './manual-therapy-body-region';
import type { Rule } from './rule';
import { directiveUnknownRule } from './directive-unknown-rule';
import { therapyOverMaximum } from './therapy-over-maximum';
import { therapyOverTrial } from './therapy-over-trial';
import { urHierarchyArgument } from './ur-hierarchy-argument';
import { visitCap24 } from './visit-cap-24';
import { appealDeadline } from './appeal-deadline';
import { appealUrDecisionAttached } from './appeal-ur-decision-attached';
import { appealSignature } from './appeal-signature';
import { appealUnansweredDenial } from './appeal-unanswered-denial';
import { medicationMuscleRelaxantDuration } from './medication-muscle-relaxant-duration';
import { medicationNsaidDuration } from './medication-nsaid-duration';
import { medicationTopicalFirstLine } from './medication-topical-first-line';
import { medicationCompoundIngredient } from './medication-compound-ingredient';
import { medicationPpiWithoutGiRisk } from './medication-ppi-without-gi-risk';
import { medicationOpioidMonitoring } from './medication-opioid-monitoring';
import { postsurgicalOverLimit } from './postsurgical-over-limit';
import { massageWithoutExercise } from './massage-without-exercise';
import { passiveModalityWithoutActiveCare } from './passive-modality-without-active-care';
import { physicalMedicineTaper } from './physical-medicine-taper';
import { rfaItemIncomplete } from './rfa-item-incomplete';
import { quantityNotValid } from './quantity-not-valid';
import { rfaDiagnosisMissing } from './rfa-diagnosis-missing';
import { expeditedWithoutThreat } from './expedited-without-threat';
import { repeatRequestWithin12Months } from './repeat-request-within-12-months';
// The MTUS in force on the document's date (issue 12).
import { citationNotInForce } from './citation-not-in-force';
import { supersededFigure } from './superseded-figure';
import { formularyNonExempt } from './formulary-non-exempt';
import { formularyExempt } from './formulary-exempt';
import { formularyBrand } from './formulary-brand';
import { formularySpecialFill } from './formulary-special-fill';
import { formularyPerioperativeFill } from './formulary-perioperative-fill';
import { formularyPhysicianDispensed } from './formulary-physician-dispensed';
import { rfaForm2026 } from './rfa-form-2026';
import { rfaDocumentationAge } from './rfa-documentation-age';
import { sb116030DayExemption } from './sb1160-30-day-exemption';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [
  therapyOverMaximum,
  therapyOverTrial,
  extensionWithoutImprovement,
  frequencyOverLimit,
  citationWrongChapter,
  citationEditionForm,
  citationNotFound,
  manualTherapyBodyRegion,
  visitCap24,
  postsurgicalOverLimit,
  priorCourseWithoutFacts,
  painReliefOnly,
  appealDeadline,
  appealUrDecisionAttached,
  appealSignature,
  appealUnansweredDenial,
  guidelineHierarchy,
  guidelineNotCited,
  urHierarchyArgument,
  massageWithoutExercise,
  passiveModalityWithoutActiveCare,
  physicalMedicineTaper,
  rfaItemIncomplete,
  quantityNotValid,
  rfaDiagnosisMissing,
  expeditedWithoutThreat,
  repeatRequestWithin12Months,
  directiveUnknownRule,
  medicationMuscleRelaxantDuration,
  medicationNsaidDuration,
  medicationTopicalFirstLine,
  medicationCompoundIngredient,
  medicationPpiWithoutGiRisk,
  medicationOpioidMonitoring,
  citationNotInForce,
  supersededFigure,
  formularyNonExempt,
  formularyExempt,
  formularyBrand,
  formularySpecialFill,
  formularyPerioperativeFill,
  formularyPhysicianDispensed,
  rfaForm2026,
  rfaDocumentationAge,
  sb116030DayExemption,
];

export const ruleById = (id: string) => RULES.find((r) => r.id === id);
