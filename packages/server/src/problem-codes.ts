/**
 * The one registry of problem codes the HTTP API answers with: each code's HTTP status, default
 * title, when it happens and what the user does about it. `ProblemError` and `problem()` take
 * only these codes (the type checker refuses any other string), and docs/errors.md is generated
 * from this table (`pnpm errors:doc`; a test fails when the two differ).
 *
 * Parse and redline codes come from their packages' own code unions; the `Record` types below
 * make the build fail when one of those packages adds a code that is not documented here.
 */
import type { ParseErrorCode } from '@redliner/parser';
import type { RedlineErrorCode } from '@redliner/redline';

/** What the API documents about one code. */
export interface ProblemSpec {
  /** HTTP status the code is always sent with. */
  status: number;
  /** Default `title` (a call site may give a more specific one). */
  title: string;
  /** When it happens, in words a contracting lead understands. */
  when: string;
  /** What to do about it. */
  fix: string;
}

/** Group shown as a section of docs/errors.md. */
export type ProblemGroup = 'request' | 'upload' | 'reviews' | 'rules' | 'storage' | 'export' | 'server';

type Specs<K extends string> = Record<K, ProblemSpec & { group: ProblemGroup }>;

const PARSE_PROBLEMS: Specs<ParseErrorCode> = {
  FILE_EMPTY: { group: 'upload', status: 400, title: 'The file is empty', when: 'The uploaded file has no bytes, or a Word file has no document text part.', fix: 'Upload the contract file itself, not a shortcut or an empty export.' },
  FILE_TOO_LARGE: { group: 'upload', status: 413, title: 'The file is too large', when: 'The upload is over the size limit (`maxUploadBytes`, 50 MB by default).', fix: 'Split the contract, or compress its images, and upload it again.' },
  UNSUPPORTED_FORMAT: { group: 'upload', status: 415, title: 'Unsupported file type', when: 'The file is not a PDF or a Word (.docx) document; the message names what it is (an old .doc, a spreadsheet, plain text, …).', fix: 'Save or export the contract as PDF or .docx and upload that.' },
  PDF_PASSWORD_REQUIRED: { group: 'upload', status: 422, title: 'This PDF needs a password', when: 'The PDF is encrypted and no password was given.', fix: 'Upload it again with the password in the "password" form field (CLI: `--password`).' },
  PDF_PASSWORD_INCORRECT: { group: 'upload', status: 422, title: 'Wrong PDF password', when: 'The password given does not open the PDF.', fix: 'Check the password with whoever sent the file and upload it again.' },
  PDF_CORRUPT: { group: 'upload', status: 422, title: 'The PDF is damaged', when: 'The PDF cannot be read (truncated download, broken structure).', fix: 'Download the file again, or print it to a new PDF, and upload that.' },
  PDF_SCANNED: { group: 'upload', status: 422, title: 'The PDF has no text layer', when: 'Every page is an image and OCR is off (`--no-ocr`), or OCR could not read any page.', fix: 'Turn OCR on, or ask the payer for a text PDF or the Word file.' },
  PDF_TOO_LARGE: { group: 'upload', status: 413, title: 'The PDF is too large to read', when: 'The PDF has more pages, or content that expands to more bytes, than can be read safely.', fix: 'Split the PDF into the agreement and its attachments and upload them separately.' },
  DOCX_CORRUPT: { group: 'upload', status: 422, title: 'The Word file is damaged', when: 'The .docx is not a readable Word package (broken zip, missing or malformed document part).', fix: 'Open it in Word, save it as a new .docx, and upload that.' },
  DOCX_TOO_LARGE: { group: 'upload', status: 413, title: 'The Word file is too large to read safely', when: 'The .docx expands to more than can be read safely (a compressed part far larger than the file).', fix: 'Save it again from Word without embedded media, or split it.' },
  DOCX_NO_TEXT: { group: 'upload', status: 422, title: 'The Word file has no text', when: 'The .docx holds no readable text (only images, or nothing at all).', fix: 'If the contract is a scan pasted into Word, upload the scan as a PDF so OCR reads it.' },
  PARSE_TIMEOUT: { group: 'upload', status: 422, title: 'Reading the file took too long', when: 'Reading the file ran past its time limit (very large or unusually built file).', fix: 'Split the file, or print it to a new PDF, and upload that.' },
  PARSE_FAILED: { group: 'upload', status: 422, title: 'The file could not be read', when: 'Reading failed for a reason the other codes do not cover; the message says what happened.', fix: 'Save the file again from the program that made it and retry; if it keeps failing, report the message.' },
};

const REDLINE_PROBLEMS: Specs<RedlineErrorCode> = {
  REDLINE_INVALID_DECISIONS: { group: 'export', status: 409, title: 'The decisions cannot be applied', when: 'The saved decisions are not in a form the export can use.', fix: 'Review the decisions on this contract and export again.' },
  REDLINE_UNKNOWN_FINDING: { group: 'export', status: 409, title: 'The decisions cannot be applied', when: 'A decision names a finding this review no longer has (it was re-analysed).', fix: 'Reload the review, decide on the findings it lists, and export again.' },
  REDLINE_EMPTY_EDIT: { group: 'export', status: 409, title: 'The decisions cannot be applied', when: 'An "edit" decision has no text.', fix: 'Type the wording you want, or accept or reject the suggestion instead.' },
  REDLINE_NO_ALTERNATIVE: { group: 'export', status: 409, title: 'The decisions cannot be applied', when: 'A decision picks a fallback alternative the finding does not offer.', fix: 'Pick one of the alternatives shown on the finding.' },
  REDLINE_ORIGINAL_MISMATCH: { group: 'export', status: 409, title: 'The decisions cannot be applied', when: 'The stored original file no longer matches the text the review was made from.', fix: 'Upload the contract again and redo the review.' },
  REDLINE_UNSUPPORTED_DOCX: { group: 'export', status: 409, title: 'The decisions cannot be applied', when: 'The original Word file has a structure the redline cannot write tracked changes into.', fix: 'Save it again from Word as a new .docx and upload that.' },
};

const SERVER_PROBLEMS = {
  BAD_REQUEST: { group: 'request', status: 400, title: 'Bad request', when: 'The request is malformed in a way no more specific code describes; the detail says how.', fix: 'Correct the request as the detail says.' },
  INVALID_JSON: { group: 'request', status: 400, title: 'The request body is not valid JSON', when: 'The body could not be read as JSON, or is empty.', fix: 'Send a JSON object with `Content-Type: application/json`.' },
  INVALID_BODY: { group: 'request', status: 400, title: 'Invalid request', when: 'The JSON body does not have the fields the route expects; `issues` lists each one.', fix: 'Send the fields the route documents.' },
  INVALID_PARAMS: { group: 'request', status: 400, title: 'Invalid URL', when: 'A part of the path (an id) is not in the expected form.', fix: 'Use the ids the API returned.' },
  INVALID_QUERY: { group: 'request', status: 400, title: 'Invalid request', when: 'A query parameter is missing or out of range.', fix: 'Send the query parameters the route documents.' },
  UNSUPPORTED_MEDIA_TYPE: { group: 'request', status: 415, title: 'Unsupported request content type', when: 'The body is neither JSON nor a multipart upload.', fix: 'Send JSON (application/json), or multipart/form-data for uploads.' },
  BODY_TOO_LARGE: { group: 'request', status: 413, title: 'The request body is too large', when: 'A JSON body is over the body limit.', fix: 'Send a smaller body (a rule file of reasonable size, one decision at a time).' },
  NOT_FOUND: { group: 'request', status: 404, title: 'Not found', when: 'No route answers this method and path.', fix: 'See / for the list of API routes.' },
  WRONG_HOST: { group: 'request', status: 421, title: 'Unexpected Host header', when: 'The request names a host this server was not told to answer for (protection against DNS rebinding).', fix: 'Open Redliner at http://127.0.0.1, or start it with `--allowed-hosts` naming the host you use.' },
  CROSS_ORIGIN: { group: 'request', status: 403, title: 'Cross-origin request refused', when: 'A request that changes data came from another web page.', fix: 'Make changes from the Redliner page itself.' },
  NOT_MULTIPART: { group: 'upload', status: 415, title: 'Upload must be multipart/form-data', when: 'An upload was sent as something other than a form.', fix: 'Upload the contract as multipart/form-data with a "file" field.' },
  MALFORMED_UPLOAD: { group: 'upload', status: 400, title: 'The upload form could not be read', when: 'The multipart body was cut off before its end, names no boundary, or has a broken part header (an interrupted upload or a faulty client).', fix: 'Upload the contract again; nothing was saved.' },
  FILE_MISSING: { group: 'upload', status: 400, title: 'No file uploaded', when: 'The upload form has no "file" field.', fix: 'Attach the contract (PDF or DOCX) in a form field named "file".' },
  UNEXPECTED_FILE: { group: 'upload', status: 400, title: 'Unexpected file field', when: 'The form holds a second file, or a file in a field other than "file".', fix: 'Upload exactly one contract, in the "file" field.' },
  TOO_MANY_PARTS: { group: 'upload', status: 413, title: 'Too many form fields', when: 'The upload form has more fields than an upload uses.', fix: 'Send one "file" field, plus an optional "password" and "ruleset".' },
  INVALID_UPLOAD: { group: 'upload', status: 400, title: 'Invalid request', when: 'An upload field (such as "ruleset") is not in the expected form.', fix: 'Send the fields the upload route documents.' },
  SERVER_BUSY: { group: 'upload', status: 503, title: 'The server is busy', when: 'Too many contracts are already waiting to be read.', fix: 'Try again in a few seconds; nothing was saved for this upload.' },
  REVIEW_NOT_FOUND: { group: 'reviews', status: 404, title: 'Review not found', when: 'No review has this id (it was deleted, or belongs to another data folder).', fix: 'List reviews with GET /api/reviews.' },
  FINDING_NOT_FOUND: { group: 'reviews', status: 404, title: 'Finding not found', when: 'The review has no finding with this id (it was re-analysed).', fix: 'Reload the review and decide on the findings it lists.' },
  INVALID_DECISION: { group: 'reviews', status: 400, title: 'Invalid request', when: 'A decision is not "accept", "edit" or "reject" with the fields each needs.', fix: 'Send a decision in the documented shape.' },
  NO_SUCH_ALTERNATIVE: { group: 'reviews', status: 422, title: 'No such fallback alternative', when: 'A decision picks an alternative index the finding does not offer.', fix: 'Pick one of the alternatives listed on the finding.' },
  ORIGINAL_NOT_PDF: { group: 'reviews', status: 409, title: 'This contract has no PDF pages', when: 'Page images were asked for a review whose original is a Word file.', fix: 'Use the text view for Word files.' },
  KEY_TERM_NOT_FOUND: { group: 'reviews', status: 404, title: 'No such key term', when: 'A correction names a key-term field the review does not have.', fix: 'Use one of the fields the review lists.' },
  INVALID_CORRECTION: { group: 'reviews', status: 400, title: 'Invalid request', when: 'A key-term correction is not in the expected form.', fix: 'Send the value (or null to clear the correction) as documented.' },
  KEY_TERMS_UNUSABLE: { group: 'rules', status: 422, title: 'No key terms can be read', when: "The ruleset's terms/ folder has no key-term field that loads.", fix: "Fix the files in the ruleset's terms/ folder (see `redliner rules lint`)." },
  UNKNOWN_RULESET: { group: 'rules', status: 400, title: 'Unknown ruleset', when: 'No ruleset has this id.', fix: 'Pick one from GET /api/rulesets; your own are named like "user:my-rules".' },
  REVIEW_RULES_GONE: { group: 'rules', status: 409, title: "This review's rules no longer exist", when: 'The ruleset a review was analysed with has been deleted, so what is read with it (key terms, deadlines, the review\'s row in the portfolio) cannot be.', fix: 'Choose Re-analyse… on the review to check it against rules that exist.' },
  RULESET_READ_ONLY: { group: 'rules', status: 403, title: 'Bundled rules cannot be changed', when: 'A change or delete was sent to a bundled ruleset.', fix: 'Make the change in your own rules, which extend the bundled ones.' },
  RULESET_UNUSABLE: { group: 'rules', status: 422, title: 'The ruleset cannot be used', when: 'The ruleset has no rule that can run, or its manifest is missing or broken (it is refused rather than run with part of its rules).', fix: 'Fix the files named in `errors` (POST /api/rules/validate shows each at its line).' },
  RULESET_MANIFEST_INVALID: { group: 'rules', status: 422, title: 'The ruleset file cannot be read', when: "The ruleset's ruleset.yaml cannot be read, so a rule cannot be added to it.", fix: 'Fix ruleset.yaml by hand, then save again.' },
  RULESET_WRITE_FAILED: { group: 'rules', status: 507, title: 'The rule could not be saved', when: 'Writing a rule file failed for a reason other than a full disk or a read-only folder.', fix: 'Check the data folder and its permissions, then save again.' },
  RULE_NOT_FOUND: { group: 'rules', status: 404, title: 'Rule not found', when: 'The ruleset has no rule with this id.', fix: 'List its rules with GET /api/rulesets/:id/rules.' },
  RULE_INVALID: { group: 'rules', status: 422, title: 'The rule has errors', when: 'The rule does not load; `errors` lists each problem with its line, column and rule error code.', fix: 'Fix the errors at the lines shown and save again.' },
  RULE_ID_MISMATCH: { group: 'rules', status: 422, title: 'The rule id does not match', when: "The rule's own id differs from the id it is saved under.", fix: 'Save it under its own id, or change the id in the rule.' },
  RULE_TOO_SLOW: { group: 'rules', status: 422, title: 'A rule took too long', when: 'A rule ran past its time budget on this contract; the detail names the rule and its file.', fix: 'Simplify that rule (fewer nested repeats, shorter phrase lists) or disable it.' },
  RULE_CHECK_TIMEOUT: { group: 'rules', status: 422, title: 'Checking the rule took too long', when: 'Validating or saving a rule ran past its time limit (60 s); nothing was saved.', fix: 'Simplify the rule, or split a very long phrase list.' },
  VOCABULARY_FILE_INVALID: { group: 'rules', status: 422, title: 'The vocabulary file cannot be read', when: "Your ruleset's vocabulary file has a YAML or format error, so a class cannot be changed in it.", fix: 'Fix the file at the line shown, then try again.' },
  VOCABULARY_INVALID: { group: 'rules', status: 422, title: 'The vocabulary change has problems', when: 'A vocabulary class was not saved because its words or name have problems; `errors` lists them.', fix: 'Fix the words shown and save again.' },
  VOCABULARY_CLASS_NOT_FOUND: { group: 'rules', status: 404, title: 'No such class of your own', when: 'A class was to be removed that your ruleset does not define itself.', fix: 'Only classes you added can be removed; bundled classes can be overridden.' },
  VOCABULARY_CLASS_IN_USE: { group: 'rules', status: 409, title: 'The class is still in use', when: 'A class was to be removed that rules still use.', fix: 'Change the rules named in the detail first.' },
  DISK_FULL: { group: 'storage', status: 507, title: 'The disk is full', when: "The disk holding Redliner's data folder is full; nothing was saved.", fix: 'Delete old reviews (deleting works on a full disk) or free space on that disk, then try again.' },
  DATA_DIR_READ_ONLY: { group: 'storage', status: 503, title: "Redliner's data folder cannot be written", when: 'The data folder is read-only or its permissions forbid writing; reviews can still be opened and exported.', fix: 'Make the folder writable; Redliner recovers without a restart.' },
  EXPORT_TIMEOUT: { group: 'export', status: 503, title: 'The export took too long', when: 'Building the redlined Word file ran past its time limit (3 minutes).', fix: 'Export fewer decided findings at once, or split the contract.' },
  INTERNAL_ERROR: { group: 'server', status: 500, title: 'Something went wrong on the server', when: 'An unexpected error (a bug); nothing was saved for the request.', fix: 'Try again; if it keeps happening, report it with the server log.' },
} as const satisfies Specs<string>;

/** Every problem code the API can answer with. */
export type ProblemCode = ParseErrorCode | RedlineErrorCode | keyof typeof SERVER_PROBLEMS;

/** The registry: code → status, title, when, fix and docs section. */
export const PROBLEM_CODES: Readonly<Record<ProblemCode, ProblemSpec & { group: ProblemGroup }>> = { ...PARSE_PROBLEMS, ...REDLINE_PROBLEMS, ...SERVER_PROBLEMS };

/** True for a string that is a registered code (for codes that arrive from other packages at run time). */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEM_CODES, code);
}
