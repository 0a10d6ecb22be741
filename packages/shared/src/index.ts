export type { Database, Json } from "./database.types.ts";
export * from "./domain/enums.ts";
export { holdsRole } from "./domain/holdsRole.ts";
export {
  buildExport,
  type ExportFile,
  type ExportFormat,
  type ExportOptions,
  type ExportProduct,
  type ExportSeller,
  type ExportSource,
  exportFormats,
  exportProductSchema,
  exportSellerSchema,
  exportSourceSchema,
  nameExportFile,
  type SqlExportOptions,
  sqlRowsPerInsert,
  toExportProducts,
} from "./exports/index.ts";
export { detectLanguage } from "./language/detectLanguage.ts";
export {
  type LlmExtraction,
  type LlmIntent,
  type LlmSentiment,
  llmExtractionSchema,
  llmIntents,
  llmSentiments,
} from "./llm/llmExtraction.ts";
export { llmExtractionJsonSchema } from "./llm/llmExtractionJsonSchema.ts";
export { type MergedSignals, mergeSignals } from "./llm/mergeSignals.ts";
export { extractPhone, normalizePhone } from "./phone/extractPhone.ts";
export {
  type AdvanceQualificationInput,
  advanceQualification,
  type QualificationReply,
  type QualificationReplyOption,
  type QualificationStep,
} from "./qualification/advanceQualification.ts";
export { checkHardLimits, type HardLimitBreach } from "./qualification/checkHardLimits.ts";
export { defaultQualificationScript } from "./qualification/defaultQualificationScript.ts";
export {
  type LocalizedText,
  localizedTextSchema,
  type QualificationScript,
  type QuestionKey,
  qualificationScriptSchema,
  questionKeys,
  type ScriptQuestion,
  scriptQuestionSchema,
} from "./qualification/qualificationScript.ts";
export {
  type QualificationFields,
  type QualificationOutcome,
  type QualificationState,
  qualificationFieldsSchema,
  qualificationOutcomes,
  qualificationStateSchema,
  questionFields,
} from "./qualification/qualificationState.ts";
export { maxNeedLength, readNeed } from "./qualification/readNeed.ts";
export {
  type LeadScore,
  type ScoreComponent,
  type ScoreReason,
  scoreLead,
  scoreReasons,
} from "./qualification/scoreLead.ts";
export * from "./research/niche/index.ts";
export {
  emptySeo,
  type FeedOffer,
  type FetchPath,
  feedOfferSchema,
  fetchPaths,
  type ListingItem,
  listingItemSchema,
  type PageKind,
  type ParsedPage,
  type ParsedProduct,
  type ParsedSite,
  type ProductSeller,
  pageKinds,
  parsedPageSchema,
  parsedSites,
  productSchema,
  productSellerSchema,
  type Seo,
  type SiteChoice,
  seoSchema,
  siteChoices,
} from "./research/parsedPage.ts";
export { extractBudget } from "./signals/extractBudget.ts";
export { extractCity, normalizeCity } from "./signals/extractCity.ts";
export { extractSignals, type Signals, signalsSchema } from "./signals/extractSignals.ts";
export { extractTimeline } from "./signals/extractTimeline.ts";
export { type CityName, citySchema, kazakhstanCities } from "./signals/kazakhstanCities.ts";
