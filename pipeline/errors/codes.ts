/**
 * Every problem the pipeline reports has a stable code. Codes never change meaning once
 * published; `docs/errors.md` lists them and a test keeps the two in step.
 */
export const ERROR_CODES = {
  E_FILE_ENCODING: 'The file is not UTF-8 text.',
  E_FILE_EMPTY: 'The file is empty.',
  E_FILE_UNKNOWN: 'A file or folder the authoring format does not know.',
  E_FILE_MISSING: 'A file every publisher or document folder needs is missing.',
  E_YAML_SYNTAX: 'The YAML cannot be read.',
  E_CSV_SYNTAX: 'The CSV cannot be read, or its header is wrong.',
  E_FIELD_REQUIRED: 'A required field is missing.',
  E_FIELD_UNKNOWN: 'A field the format does not know (often a typo).',
  E_FIELD_TYPE: 'A field holds the wrong kind of value.',
  E_FIELD_VALUE: 'A field holds a value outside what it allows.',
  E_NUMBER_FORMAT: 'A figure is not written the way Ukrainian documents print numbers.',
  E_NEGATIVE_AMOUNT: 'A figure is negative.',
  E_FORMULA_TEXT: 'Text starts like a spreadsheet formula.',
  E_ID_DUPLICATE: 'Two things share one id.',
  E_ID_FOLDER: 'An id differs from the name of its folder.',
  E_REF_UNKNOWN: 'A reference names something that does not exist.',
  E_YEAR_OUT_OF_PERIOD: 'A year lies outside the period it belongs to.',
  E_PERIOD_ORDER: 'A period ends before it starts.',
  E_UNIT_MISSING: 'A figure has no unit and none is declared around it.',
  E_UNIT_CONFLICT: 'A figure prints a unit different from the one its field requires.',
  E_UNIT_UNKNOWN: 'A figure counts in a unit that units.yaml does not list with its forms.',
  E_QUALIFIER_CONFLICT: 'The qualifier field contradicts the qualifier word printed in the figure.',
  E_SELF_CHECK: 'A published file failed the build\'s own check before it was written.',
  E_DATASET_COVERAGE: 'A programme or a document\'s figures are in no dataset, or in more than one.',
  E_FILE_TOO_LARGE: 'A source file is larger than the pipeline reads.',
  E_YAML_DEPTH: 'The YAML nests deeper than any file of the format.',
  E_YAML_ALIAS: 'YAML aliases repeat more values than the pipeline copies.',
  E_YAML_TAG: 'A YAML tag the format does not know.',
  E_TEXT_CONTROL: 'Text holds a control character no published format keeps as written.',
  E_TEXT_NORMALIZATION: 'Text is not in Unicode NFC and would compare unequal to the same words.',
  E_TEXT_TOO_LONG: 'Text is longer than a published format or field allows.',
  E_NAME_INVALID: 'A dataset name is empty or too short once derived, or one the portal keeps for itself.',
  E_REF_FOREIGN: 'A reference names something of another publisher.',
  E_TOO_MANY_PROBLEMS: 'More problems than one report lists; the rest are counted.',
  E_SOURCES_MISSING: 'The sources folder does not exist or is not a folder.',
  E_OUT_UNSAFE: 'The output folder is, contains or lies inside the sources folder or a folder of the project.',
  E_OUT_FOREIGN: 'The output folder holds files the build did not make.',
  E_BUILD_LOCKED: 'Another build is writing into the output folder.',
  E_PERMISSION: 'A file or folder cannot be read or written: permissions, or a read-only disk.',
  E_DISK_FULL: 'The disk (or the quota) is full.',
  E_READ_BACK: 'A file the build wrote does not read back as written.',
  E_SITE_BUILD: 'The site or its search index could not be built from the data.',
  E_WORKER_STOPPED: 'A worker thread of the build ran out of memory or ended before it answered.',
  E_STEP_TIMEOUT: 'The site or its search index ran past its time limit and was stopped.',
  E_BUILD_FAULT: 'The build stopped on a fault of its own, not of the sources.',
  E_INDICATOR_UNLISTED: 'A figure\'s code is a shared indicator\'s, but indicators.yaml does not list the figure under it.',
  E_INDICATOR_BREAKDOWN: 'A shared indicator lists two figures of one document for the same period.',
  E_INDICATOR_GROUP: 'A figure\'s passport group differs from the group of the shared indicator it is listed under.',
  E_RELATION_INVALID: 'A relation names fewer than two things, one thing twice, or things the vocabulary already says are the same.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Reconciliation findings: published as quality notes, never build errors. */
export const NOTE_CODES = {
  Q_PASSPORT_TOTAL: 'The passport total differs from the sum of its years.',
  Q_PASSPORT_YEAR_SOURCES: 'A passport year total differs from the sum of its funding sources.',
  Q_PASSPORT_TOTAL_ROW: 'The passport «Усього» row differs from the sum of the year rows.',
  Q_PASSPORT_ANNEX: 'A passport year differs from the annex column for the same year.',
  Q_ANNEX_ROW: 'An annex row total differs from the sum of its years.',
  Q_ANNEX_COLUMN: 'An annex «Усього» cell differs from the sum of its column.',
  Q_EXECUTION_TOTAL: 'A report total differs from the sum of its directions.',
  Q_EXECUTION_OVER_PLAN: 'A direction reports more money than planned for the year.',
  Q_STATED_TOTAL: 'Parts the source says make a total do not add up to it.',
} as const;

export type NoteCode = keyof typeof NOTE_CODES;

/** Told once on the way, when the build goes on. */
export const NOTICE_CODES = {
  N_MANIFEST_UNUSABLE: 'The previous build\'s manifest cannot be read: everything is made again.',
  N_FILE_CHANGED: 'A file of the previous output differs from its manifest: its dataset is made again.',
  N_LEFT_OVER: 'What a stopped build left in the output folder was removed.',
  N_FILES_UNRECORDED: 'The new output\'s files could not be recorded by their identity: the next build reads them back.',
} as const;

export type NoticeCode = keyof typeof NOTICE_CODES;
