/**
 * The plan importer (issue 6): `npm run import -- <file> --year 2020` turns a plan published as
 * text into content entries. Pure modules, no Astro imports; the CLI is scripts/import.ts.
 *
 *   decode.ts      bytes → text (BOM, strict UTF-8, else GB18030)
 *   page.ts        web-page chrome and metadata (breadcrumb, 发布时间, 来源, title)
 *   markers.ts     numbering at line starts (一、 (一) 1. （1） ①) and task titles
 *   structure.ts   sections, parts, tasks, task 0; malformed input → ImportError with a line
 *   targets.ts     proposed targets (reviewed: false)
 *   documents.ts   links to document entries, stubs for unknown 《titles》
 *   yaml.ts        frontmatter text: house-style writing, in-place edits
 *   render.ts      new plan/task/document files
 *   docx.ts        .docx → text (mammoth), numbering restored from word/numbering.xml
 *   commit.ts      all-or-nothing writing: stage, journal, commit, roll back (errors, Ctrl-C, crashes)
 *   plan-import.ts the whole import: compute all changes, then write
 */
export { decodePlanText } from './decode.ts';
export type { DecodedText, Encoding } from './decode.ts';
export { ImportError, RefusedError } from './errors.ts';
export { parsePlan, partShort, sectionId } from './structure.ts';
export type { ParsedPart, ParsedPlan, ParsedSection, ParsedTask } from './structure.ts';
export { proposeTargets, clauses } from './targets.ts';
export type { ProposedTarget } from './targets.ts';
export { citedTitles, levelOf, linkDocuments, stubId } from './documents.ts';
export { formatChanges, issuerFromTitle, localDate, pendingChanges, planImport, readPlanSource, readTextSource, writeChanges, SEED_FILE } from './plan-import.ts';
export type { PlanSource } from './plan-import.ts';
export { commitChanges, commitChangesSync, recoverLeftovers, Interrupted, RollbackError } from './commit.ts';
export type { FileChange, ImportOptions, ImportResult } from './plan-import.ts';
