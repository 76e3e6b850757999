/**
 * The content model: one commented schema per collection.
 *
 * Every field carries a one-line doc comment and, where it has one, its default.
 * Entries live in `content/` (MDX with frontmatter). Cross-entry rules that Zod cannot see
 * (a reference to an entry that does not exist, a duplicate task number, a target quote that
 * is not in its task's text) are checked in `src/lib/validate.ts` when the site is built.
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { namedGlob, plainTextGlob } from './lib/named-glob';

// The enums live in the plain-Node vocabulary module so the importer and tests share them.
import { AUDIENCES, DOCUMENT_LEVELS, TARGET_COMPARATORS, TARGET_KINDS, TARGET_STATUSES, DEADLINE_TYPES } from './lib/vocabulary';
export { AUDIENCES, DOCUMENT_LEVELS, TARGET_COMPARATORS, TARGET_KINDS, TARGET_STATUSES, DEADLINE_TYPES };

/** A calendar day, YYYY-MM-DD, that exists (z.iso.date() refuses 2019-02-30, which a pattern accepts). */
const isoDay = z.iso.date({ error: 'expected a real date as YYYY-MM-DD' });

/** A year, a month of a year, or a day (documents whose day or month is not known): YYYY, YYYY-MM or YYYY-MM-DD. */
const isoDatePrefix = z
  .string()
  .refine((s) => /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(s) || isoDay.safeParse(s).success, {
    error: 'expected a real date as YYYY, YYYY-MM or YYYY-MM-DD',
  });

/** A dated record of progress on a target; empty until someone records it. */
const evidence = z.object({
  /** When the evidence was published, YYYY-MM-DD. */
  date: isoDay,
  /** The status the evidence supports. */
  status: z.enum(TARGET_STATUSES),
  /** Where the evidence can be read (an official page), an https address. */
  source: z.url({ protocol: /^https$/, error: 'expected an https address' }),
  /** One sentence on what the source says. Default: none. */
  note: z.string().optional(),
});

/** One commitment of the plan: measurable (a number or a date) or qualitative (neither). */
const target = z.object({
  /** Stable id, used as the page anchor `#target-<id>`: lowercase letters, digits, hyphens. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and hyphens'),
  /** The kind of commitment (see TARGET_KINDS); it decides which fields below are required. */
  kind: z.enum(TARGET_KINDS),
  /** What is measured, in the plan's words where possible: 公办园覆盖面. */
  metric: z.string().min(1),
  /** How the value compares (see TARGET_COMPARATORS), as the wording implies. Default: none. */
  comparator: z.enum(TARGET_COMPARATORS).optional(),
  /** The number, where the plan states one (0 for a zero target). Default: none. */
  value: z.number().optional(),
  /** Unit of the value: %, 所, 个, 小时 … Default: none. */
  unit: z.string().optional(),
  /**
   * The plan's own word for the comparison, shown instead of a generic one: 逐步扭转 (not 降低),
   * 杜绝 / 为零 / 五个零 (not 0), 以上. Must occur in the quote as written. Required for zero and direction. Default: none.
   */
  word: z.string().min(1).optional(),
  /** Deadline or start as the plan dates it (year and/or the plan's phrase, optional term). Default: none (undated). */
  deadline: z
    .object({
      /** The year, e.g. 2019, only where the plan writes it; a phrase like 通过一年的努力 names no year. Default: none. */
      year: z.number().int().min(2000).max(2100).optional(),
      /** A finer point the plan names: 秋季学期. Default: none. */
      term: z.string().optional(),
      /** start: from this date on; by: done by then; during: the whole year (a theme year). Default: 'by'. */
      type: z.enum(DEADLINE_TYPES).default('by'),
      /** The plan's words for the date when the quote has no year: 通过一年的努力. Must be in the task's text. Default: none. */
      phrase: z.string().min(2).optional(),
    })
    .refine((d) => d.year !== undefined || d.phrase !== undefined, 'a deadline needs the year the plan writes or the plan\'s phrase for it')
    .optional(),
  /** The exact words of the plan that state the target: a whole clause with its verb, a substring of the task text. */
  quote: z.string().min(2),
  /** Current status on the scale. Default: 未评估 (the plan has no outcome data). */
  status: z.enum(TARGET_STATUSES).default('未评估'),
  /** Dated evidence for the status, newest last. Default: []. */
  evidence: z.array(evidence).default([]),
  /** Whether a person has checked this target; the importer (`npm run import`) writes false on the targets it proposes. Default: true. */
  reviewed: z.boolean().default(true),
});

/** A plan: one year's 工作思路 (or 工作要点), its metadata and its outline. */
const plans = defineCollection({
  loader: namedGlob({ pattern: '*.mdx', base: './content/plans' }),
  schema: z.object({
    /** The plan's year; also its URL prefix (/2019/). */
    year: z.number().int().min(2000).max(2100),
    /** The title as published. */
    title: z.string().min(1),
    /** 发文机关. */
    issuer: z.string().min(1),
    /** 发布日期, YYYY-MM-DD; null when the text does not say (a plan pasted from Word), shown as 未知. */
    published: isoDay.nullable(),
    /** The website that published it (来源); null when unknown, shown as 未知. */
    site: z.string().min(1).nullable(),
    /** Where on that site: 政务公开 › 最新文件. */
    breadcrumb: z.array(z.string()).default([]),
    /** 原文链接: the address where the published page was found; null when unknown, shown as 未知. */
    sourceUrl: z.url().nullable(),
    /** A caveat about the address. Default: none. */
    sourceUrlNote: z.string().optional(),
    /** Path of the verbatim seed text, relative to the repository root. */
    seed: z.string().min(1),
    /**
     * The plan's short name for headers, lists and citations: 2019年工作思路, 2020年工作要点.
     * Default: taken from the title (the year through 工作思路/工作要点/工作计划), else "<year>年".
     */
    shortTitle: z.string().min(1).optional(),
    /**
     * The plan's outline, part 1: its top-level headings (一、 二、 三、 …) in order, including those after
     * the tasks (三、保障措施). `src/lib/outline.ts` places the tasks and parts under them; pages read that.
     * Task 0 (the unnumbered paragraph of 一、指导思想 or 一、总体要求), where there is one, sits under the first.
     */
    sections: z
      .array(z.object({
        /** The heading as written, e.g. 一、指导思想. */
        heading: z.string().min(1),
        /** Anchor id on the full-text page: lowercase letters, digits, hyphens. */
        id: z.string().regex(/^[a-z0-9-]+$/, 'expected lowercase letters, digits and hyphens'),
        /**
         * The section's own text that is not a task, verbatim, one entry per paragraph, shown under the
         * heading before any parts: e.g. the numbered items of 三、保障措施 ("1.加强组织领导。…").
         * Default: [] (the section holds only task 0 or parts).
         */
        paragraphs: z.array(z.string().min(1)).default([]),
      }))
      .min(1),
    /**
     * The plan's outline, part 2: the numbered parts that group the tasks — (一)…(六) under 二、重点工作与举措,
     * or, in a plan without (一) headings, the 一、 sections themselves. Default: [] (no tasks yet).
     */
    parts: z
      .array(z.object({
        /** 1-based part number, running across the plan; tasks name it in `part`. */
        number: z.number().int().min(1),
        /** The label as written: (一), or 二、 where a section is the part. */
        label: z.string().min(1),
        /** The heading text after the label. */
        title: z.string().min(1),
        /** A short name for filters and tables. */
        short: z.string().min(1),
        /**
         * Id of the section the part sits under (`sections[].id`). Default: the section whose heading is
         * the part's label + title (then the part IS that section), else the first section that does not
         * hold task 0 — the layout of 一、指导思想 / 二、重点工作与举措 (一)…(六).
         */
        section: z.string().optional(),
      }))
      .default([]),
    /** Date this entry was last changed, YYYY-MM-DD (shown as 最后更新). */
    updated: isoDay,
  }),
});

/**
 * A task of a plan (and, as number 0, its 指导思想). The body after the frontmatter is the plan's
 * paragraph, verbatim, as plain text: it is never compiled as MDX, so any character is safe in it.
 */
const tasks = defineCollection({
  loader: plainTextGlob({ extension: '.mdx', base: './content/tasks' }),
  schema: z.object({
    /** The plan this task belongs to. */
    plan: reference('plans'),
    /** Task number as printed in the plan; 0 is the 指导思想 paragraph. */
    number: z.number().int().min(0),
    /** Part number (the plan's `parts[].number`); null for task 0 (指导思想). */
    part: z.number().int().min(1).nullable(),
    /** The task's heading: the first sentence of its paragraph, without number and 。 */
    title: z.string().min(1),
    /** One plain-language sentence saying only what the paragraph says. */
    summary: z.string().min(1),
    /** Who the task concerns (家长/教师/学生/学校/公众). */
    audiences: z.array(z.enum(AUDIENCES)).min(1),
    /** Topic tags for filtering: 托管, 师德 … Default: []. */
    topics: z.array(z.string()).default([]),
    /** The commitments in the paragraph, measurable and qualitative. Default: []. */
    targets: z.array(target).default([]),
    /** Documents the paragraph cites or promises to issue. Default: []. */
    documents: z.array(reference('documents')).default([]),
    /** Other tasks a reader should see, each with the reason. Default: []. */
    related: z
      .array(z.object({
        /** The related task. */
        task: reference('tasks'),
        /** Why it is related, in one short phrase. */
        reason: z.string().min(1),
      }))
      .default([]),
    /** Date this entry was last changed, YYYY-MM-DD. Default: the plan's. */
    updated: isoDay.optional(),
  }),
});

/** A document the plan cites, promises to issue, or that readers need beside it. Facts come from policies.json. */
const documents = defineCollection({
  loader: namedGlob({ pattern: '*.mdx', base: './content/documents' }),
  schema: z.object({
    /** The title exactly as the plan writes it (with 《》 where it has them); null if the plan does not cite it. */
    planTitle: z.string().min(1).nullable(),
    /** A readable title for lists and headings. */
    displayTitle: z.string().min(1),
    /** The official title; null when unknown. */
    officialTitle: z.string().nullable(),
    /** 发文机关; null when unknown. */
    issuer: z.string().nullable(),
    /** 文号; null when unknown. */
    docNumber: z.string().nullable(),
    /** 日期 (YYYY, YYYY-MM or YYYY-MM-DD); null when unknown. */
    date: isoDatePrefix.nullable(),
    /** 国家/省/市/县/党内文件 (party: issued by the Party's central organs or departments — 条例 and 意见 alike). */
    level: z.enum(DOCUMENT_LEVELS),
    /** cited: the plan cites it; to-be-issued: the plan promises to issue it (拟出台); related: not in the plan. */
    status: z.enum(['cited', 'to-be-issued', 'related']),
    /** How sure the facts above are: confirmed, partial, not found. */
    confidence: z.enum(['confirmed', 'partial', 'not found']),
    /**
     * Why a shown fact is not confirmed, per field, as the reference data says (e.g. docNumber:
     * 仅见于一处转载); shown beside the fact as （待核实：…）. Default: none.
     */
    unverified: z.object({ officialTitle: z.string(), issuer: z.string(), docNumber: z.string(), date: z.string() }).partial().strict().default({}),
    /**
     * true when the reference data does not have this document, so `level` is the site's inference
     * (e.g. a document the county plan promises): shown as 推断, never as a fact. Default: false.
     */
    levelInferred: z.boolean().default(false),
    /** A note from the reference data. Default: ''. */
    note: z.string().default(''),
    /** For a related document (not cited): the tasks it bears on, as the reference data says. Default: []. */
    relatedTasks: z.array(reference('tasks')).default([]),
    /** Date this entry was last changed, YYYY-MM-DD. */
    updated: isoDay,
  }),
});

/** A term the plan uses as a set phrase, most of them national or provincial (县管校聘, 两学一做), some local (五个零 …). */
const terms = defineCollection({
  loader: namedGlob({ pattern: '*.mdx', base: './content/terms' }),
  schema: z.object({
    /** The term as the plan writes it, without quotation marks. */
    term: z.string().min(1),
    /** Other spellings in the plan that should link here. Default: []. */
    variants: z.array(z.string()).default([]),
    /**
     * Longer phrases of the plan that contain a spelling but mean something else (法治进校园活动 is not
     * the 进校园活动 of task 22): the term is neither linked nor listed there. Default: [].
     */
    notIn: z.array(z.string()).default([]),
    /** Where the plan itself defines the term: the task and the defining words. Default: none (occurrences only). */
    definition: z
      .object({
        /** The task whose text defines the term. */
        task: reference('tasks'),
        /** The defining words, verbatim from that task. */
        quote: z.string().min(2),
      })
      .optional(),
  }),
});

/** A plain-language guide for one audience: questions answered only from the plan, each answer quoting its sentences. */
const guides = defineCollection({
  loader: namedGlob({ pattern: '**/*.mdx', base: './content/guides' }),
  schema: z.object({
    /** The plan the guide explains; its pages live under /<year>/guides/. */
    plan: reference('plans'),
    /** Who the guide is for; the file name must be that audience's slug (parents, teachers, public). */
    audience: z.enum(AUDIENCES),
    /** The guide's heading: 家长指南. */
    title: z.string().min(1),
    /** One sentence for the lead and link previews. */
    description: z.string().min(1),
    /** The questions answered, in order; each needs an <Answer id> in the body. */
    questions: z
      .array(z.object({
        /** Anchor of the answer (#id), unique across all guides: lowercase letters, digits, hyphens. */
        id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and hyphens'),
        /** The question as a reader would ask it. */
        question: z.string().min(1),
      }))
      .min(1),
    /** Every task the answers quote; each <PlanQuote task> must be listed here. */
    cites: z.array(reference('tasks')).min(1),
    /** Date this entry was last changed, YYYY-MM-DD (shown as 最后更新). */
    updated: isoDay,
  }),
});

/** A dated change to the site's content, listed on /changes/ and in the Atom feed. Evidence on a target without such an entry is listed too. */
const changes = defineCollection({
  loader: namedGlob({ pattern: '*.mdx', base: './content/changes' }),
  schema: z.object({
    /** When the change was published, YYYY-MM-DD. */
    date: isoDay,
    /** What changed, in one short line. */
    title: z.string().min(1),
    /** publication: first publication; addition: new content; correction: a fix to existing content; target-status: evidence recorded on a target (written by `npm run progress`). */
    kind: z.enum(['publication', 'addition', 'correction', 'target-status']),
    /** One or two sentences on what changed and why. */
    summary: z.string().min(1),
    /** Site paths the change concerns, e.g. /2019/. Default: []. */
    paths: z.array(z.string().startsWith('/')).default([]),
    /** For kind target-status: the target's id. Default: none. */
    target: z.string().optional(),
    /** For kind target-status: the evidence recorded (its date, status and source). Default: none. */
    evidence: evidence.omit({ note: true }).optional(),
  }),
});

export const collections = { plans, tasks, documents, terms, guides, changes };
