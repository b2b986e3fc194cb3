/**
 * SARIF 2.1.0 output, so code-scanning viewers can list contract findings. Offsets refer to
 * the extracted contract text, which is embedded as the artifact's contents (a PDF has no
 * character offsets of its own).
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../load/rule-schema.ts';
import type { AnalysisReport } from './analysis-report.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note' };

/** Convert a report to a SARIF log with one run. */
export function toSarif(report: AnalysisReport, toolVersion: string): Log {
  const ruleIds = [...new Set([...Object.keys(report.rules), ...report.findings.map((f) => f.ruleId)])];
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const explanations = new Map(report.findings.map((f) => [f.ruleId, f.explanation]));
  const rules: ReportingDescriptor[] = ruleIds.map((id) => {
    const info = report.rules[id];
    const descriptor: ReportingDescriptor = { id, name: id, shortDescription: { text: info?.title ?? id }, properties: { concept: info?.concept ?? '' } };
    const explanation = explanations.get(id);
    if (explanation) descriptor.help = { text: explanation, markdown: explanation };
    return descriptor;
  });
  const artifactUri = report.document.name;
  const results: Result[] = report.findings.map((finding) => {
    const offset = finding.span?.start ?? finding.insertAt ?? 0;
    const length = finding.span ? finding.span.end - finding.span.start : 0;
    const result: Result = {
      ruleId: finding.ruleId,
      ruleIndex: index.get(finding.ruleId) ?? 0,
      level: LEVEL[finding.severity],
      kind: 'fail',
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri, index: 0 },
            region: { charOffset: offset, charLength: length, ...(finding.quote ? { snippet: { text: finding.quote } } : {}) },
          },
          ...(finding.location.section ? { logicalLocations: [{ fullyQualifiedName: finding.location.section, kind: 'section' }] } : {}),
        },
      ],
      partialFingerprints: { findingId: finding.id },
      properties: { concept: finding.concept, kind: finding.kind, severity: finding.severity, ...(finding.location.page !== undefined ? { page: finding.location.page } : {}), ...(finding.location.printedPage !== undefined ? { printedPage: finding.location.printedPage } : {}) },
    };
    const redline = finding.redline;
    if (redline && (redline.span || redline.insertAt !== undefined)) {
      const at = redline.span ?? { start: redline.insertAt!, end: redline.insertAt! };
      result.fixes = [
        {
          description: { text: redline.note ?? 'Suggested redline' },
          artifactChanges: [
            {
              artifactLocation: { uri: artifactUri, index: 0 },
              replacements: [{ deletedRegion: { charOffset: at.start, charLength: at.end - at.start }, insertedContent: { text: redline.text } }],
            },
          ],
        },
      ];
    }
    return result;
  });
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'Redliner', version: toolVersion, rules, properties: { ruleset: report.ruleset.name, rulesetVersion: report.ruleset.version ?? '' } } },
        artifacts: [
          {
            location: { uri: artifactUri },
            mimeType: report.document.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            // Offsets in results index this extracted text, not the file's bytes.
            contents: { text: report.document.text },
            properties: { sha256: report.document.sha256 },
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
