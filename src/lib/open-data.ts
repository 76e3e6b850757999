/**
 * The open-data files (/data/…) and the plan's JSON-LD, built from plan-data. Each file's fields are
 * declared once here with their documentation, so the files and the /data/ page that documents
 * them cannot drift apart.
 */
import { stringify } from 'csv-stringify/sync';
import type { Doc, Plan, PlanData, Target, Task } from './plan-data';
import type { OutlinePart, OutlineSection } from './outline';
import { LEVEL_LABELS, taskLabel } from './plan-data';
import { KIND_LABELS, describeDeadline, describeValue } from './labels';
import { newestEvidence } from './evidence';
import { isMeasurable } from './target-rules';
import { TARGET_KINDS } from './vocabulary';
import { absoluteUrl, documentPath, planPath, publicUrl, targetAnchor, targetsPath, taskAnchor, taskPath } from './urls';

/** One documented field of a data file. */
export interface Field<T> {
  name: string;
  /** JSON type as a reader sees it: string, number, string | null, string[] … */
  type: string;
  description: string;
  value: (x: T) => unknown;
}

const paragraphUrl = (t: Task) => publicUrl(`${planPath(t.year)}#${taskAnchor(t.number)}`);
const taskUrl = (t: Task) => publicUrl(taskPath(t.year, t.number));
const latest = <T extends { date: string }>(list: T[]) => newestEvidence(list)?.date ?? null;

export const TARGET_FIELDS: Field<Target>[] = [
  { name: 'id', type: 'string', description: '目标编号，稳定不变；也是目标页上的锚点 #target-<id>。', value: (t) => t.id },
  { name: 'plan_year', type: 'number', description: '所属年度工作计划的年份。', value: (t) => t.task.year },
  { name: 'task_number', type: 'number', description: '所在任务的编号（0 为指导思想）。', value: (t) => t.task.number },
  { name: 'task_title', type: 'string', description: '所在任务的标题（原文，半角标点如原网页）。', value: (t) => t.task.title },
  { name: 'kind', type: 'string', description: `目标类型代码：${TARGET_KINDS.map((k) => `${k}（${KIND_LABELS[k]}）`).join('、')}。`, value: (t) => t.kind },
  { name: 'kind_label', type: 'string', description: '目标类型的中文名，与目标页一致。', value: (t) => KIND_LABELS[t.kind] },
  { name: 'measurable', type: 'boolean', description: '原文是否给出数值或时限：true 为有数值或时限的目标，false 为没有数值或时限的目标。', value: (t) => isMeasurable(t) },
  { name: 'metric', type: 'string', description: '衡量什么，尽量用原文的说法。', value: (t) => t.metric },
  { name: 'comparator', type: 'string | null', description: '比较方式：>=（以上、达到）、=（确切数量）、<=、increase（提高）、decrease（降低）；原文没有时为空。', value: (t) => t.comparator ?? null },
  { name: 'value', type: 'number | null', description: '原文给出的数值；没有数值时为空。', value: (t) => t.value ?? null },
  { name: 'unit', type: 'string | null', description: '数值的单位：%、所、个、小时……', value: (t) => t.unit ?? null },
  { name: 'word', type: 'string | null', description: '原文表示比较或方向的说法，如“以上”“杜绝”“为零”“逐步扭转”；没有时为空。', value: (t) => t.word ?? null },
  { name: 'value_label', type: 'string', description: '数值的中文写法，与目标页一致，如“65%以上”“杜绝”“逐步扭转”；没有数值时为“—”。', value: (t) => describeValue(t) },
  { name: 'deadline_year', type: 'number | null', description: '时限的年份，只填原文写明的年份；原文只有“通过一年的努力”这类说法而没有写年份时为空（原话见 deadline_phrase），没有时限时也为空。', value: (t) => t.deadline?.year ?? null },
  { name: 'deadline_term', type: 'string | null', description: '原文写明的更细时间，如“秋季学期”。', value: (t) => t.deadline?.term ?? null },
  { name: 'deadline_type', type: 'string | null', description: 'start：从这时开始；by：在这时之前完成；during：整年（主题年）。', value: (t) => t.deadline?.type ?? null },
  { name: 'deadline_phrase', type: 'string | null', description: '原文没有写年份时，表示时限的原话，如“通过一年的努力”。', value: (t) => t.deadline?.phrase ?? null },
  { name: 'deadline_label', type: 'string', description: '时限的中文写法，与目标页一致，如“某年秋季学期起”“通过一年的努力”“原文未写明”。', value: (t) => describeDeadline(t.deadline) },
  { name: 'quote', type: 'string', description: '陈述该目标的原文，逐字（半角标点如原网页）。', value: (t) => t.quote },
  { name: 'status', type: 'string', description: '当前状态：未评估、进行中、已完成、未完成、已调整（定义见目标页）。', value: (t) => t.status },
  { name: 'status_date', type: 'string | null', description: '最近一条证据的日期（YYYY-MM-DD）；没有证据时为空。', value: (t) => latest(t.evidence) },
  { name: 'evidence_count', type: 'number', description: '已记录的证据条数。证据本身只在 targets.json 的 evidence 中。', value: (t) => t.evidence.length },
  { name: 'reviewed', type: 'boolean', description: '是否经人工核对（导入程序提出的目标为 false，直到有人核对）。', value: (t) => t.reviewed },
  { name: 'target_url', type: 'string', description: '目标页上这一条的地址。', value: (t) => publicUrl(`${targetsPath(t.task.year)}#${targetAnchor(t.id)}`) },
  { name: 'paragraph_url', type: 'string', description: '全文中所在段落的地址。', value: (t) => paragraphUrl(t.task) },
  { name: 'task_url', type: 'string', description: '所在任务页的地址。', value: (t) => taskUrl(t.task) },
];

/** Only in targets.json: the dated evidence, as records. */
export const EVIDENCE_FIELD: Field<Target> = {
  name: 'evidence',
  type: '{date, status, source, note}[]',
  description: '仅 JSON：按日期从旧到新排列的证据，每条有日期、所支持的状态、来源地址和一句说明（没有说明时为空）；没有证据时为空列表。',
  value: (t) => [...t.evidence].sort((a, b) => a.date.localeCompare(b.date)).map((e) => ({ date: e.date, status: e.status, source: e.source, note: e.note ?? null })),
};

export const DOCUMENT_FIELDS: Field<Doc & { data: PlanData }>[] = [
  { name: 'id', type: 'string', description: '文件编号，稳定不变；文件页地址为 /documents/<id>/。', value: (d) => d.id },
  { name: 'plan_title', type: 'string | null', description: '引用它的工作计划原文中的写法（含书名号），逐字；没有工作计划引用时为空。', value: (d) => d.planTitle },
  { name: 'display_title', type: 'string', description: '列表和标题中使用的名称。', value: (d) => d.displayTitle },
  { name: 'official_title', type: 'string | null', description: '正式标题；未知时为空。', value: (d) => d.officialTitle },
  { name: 'issuer', type: 'string | null', description: '发文机关；未知时为空。', value: (d) => d.issuer },
  { name: 'doc_number', type: 'string | null', description: '文号；未知时为空。', value: (d) => d.docNumber },
  { name: 'date', type: 'string | null', description: '日期（YYYY、YYYY-MM 或 YYYY-MM-DD，按资料能确定的精度）；未知时为空。', value: (d) => d.date },
  { name: 'level', type: 'string', description: '层级代码：national、provincial、municipal、county、party。', value: (d) => d.level },
  { name: 'level_label', type: 'string', description: '层级的中文名：国家、省、市、县、党内文件。', value: (d) => LEVEL_LABELS[d.level] },
  { name: 'status', type: 'string', description: 'cited：工作计划引用；to-be-issued：工作计划提出拟出台；related：相关文件，不属于任何一年的工作计划。', value: (d) => d.status },
  { name: 'confidence', type: 'string', description: '以上资料的可信度：confirmed（已核实）、partial（部分核实）、not found（未查到公开资料）。', value: (d) => d.confidence },
  { name: 'note', type: 'string', description: '关于该文件的说明。', value: (d) => d.note },
  { name: 'related_tasks', type: 'number[]', description: '相关文件所涉及的任务编号（仅 status 为 related 时）。', value: (d) => d.relatedTasks.map((r) => d.data.task(r.id).number) },
  {
    name: 'cited_by',
    type: '{task_number, sentence, paragraph_url}[]',
    description: '引用该文件的任务及原句（逐字）。',
    value: (d) => d.data.citations(d.id).map((c) => ({ task_number: c.task.number, sentence: c.sentence, paragraph_url: paragraphUrl(c.task) })),
  },
  { name: 'url', type: 'string', description: '本站文件页的地址。', value: (d) => publicUrl(documentPath(d.id)) },
  { name: 'updated', type: 'string', description: '这一条资料最后修改的日期。', value: (d) => d.updated },
];

export const TASK_FIELDS: Field<Task>[] = [
  { name: 'number', type: 'number', description: '任务编号（0 为指导思想）。', value: (t) => t.number },
  { name: 'label', type: 'string', description: '“任务N”或“指导思想”。', value: (t) => taskLabel(t) },
  { name: 'title', type: 'string', description: '任务标题：段落的第一句，逐字。', value: (t) => t.title },
  { name: 'summary', type: 'string', description: '本站写的一句话概括（不是原文）。', value: (t) => t.summary },
  { name: 'text', type: 'string', description: '段落原文，逐字，标点保持原网页的半角形式。', value: (t) => t.text },
  { name: 'audiences', type: 'string[]', description: '面向对象：家长、教师、学生、学校、公众。', value: (t) => t.audiences },
  { name: 'topics', type: 'string[]', description: '主题标签。', value: (t) => t.topics },
  { name: 'target_ids', type: 'string[]', description: '本段目标的编号，详见 targets.json。', value: (t) => t.targets.map((x) => x.id) },
  { name: 'document_ids', type: 'string[]', description: '本段引用或提出拟出台的文件编号，详见 documents.json。', value: (t) => t.documents.map((d) => d.id) },
  { name: 'related', type: '{task_number, reason}[]', description: '相关任务及理由（本站整理）。', value: (t) => t.related.map((r) => ({ task_number: Number(r.task.id.split('/')[1]), reason: r.reason })) },
  { name: 'url', type: 'string', description: '任务页的地址。', value: (t) => taskUrl(t) },
  { name: 'paragraph_url', type: 'string', description: '全文中该段的地址。', value: (t) => paragraphUrl(t) },
];

type PlanWithData = Plan & { data: PlanData };
type Part = OutlinePart<Task>;
type Section = OutlineSection<Task>;

export const PART_FIELDS: Field<Part>[] = [
  { name: 'number', type: 'number', description: '部分编号，从 1 起，全文连续。', value: (p) => p.number },
  { name: 'label', type: 'string', description: '原文的序号写法，如 (一)；一级标题本身就是部分时为 二、 这样的写法。', value: (p) => p.label },
  { name: 'title', type: 'string', description: '部分标题，逐字。', value: (p) => p.title },
  { name: 'short', type: 'string', description: '本站用的简称。', value: (p) => p.short },
  { name: 'section', type: 'string', description: '所在一级标题的 id（见 sections）。', value: (p) => p.sectionId },
  { name: 'tasks', type: 'task[]', description: '本部分的任务，字段见下表“任务”。', value: (p) => p.tasks.map((t) => record(TASK_FIELDS, t)) },
];

export const SECTION_FIELDS: Field<Section>[] = [
  { name: 'heading', type: 'string', description: '一级标题，逐字，如 一、指导思想。', value: (s) => s.heading },
  { name: 'id', type: 'string', description: '全文页上的锚点。', value: (s) => s.id },
  { name: 'paragraphs', type: 'string[]', description: '这一级标题下不属于任务的原文段落，逐字（如保障措施的各条）；没有时为空数组。', value: (s) => s.paragraphs.map((p) => p.text) },
  { name: 'part_numbers', type: 'number[]', description: '这一级标题下的部分编号（见 parts）。', value: (s) => s.parts.map((p) => p.number) },
  { name: 'task_numbers', type: 'number[]', description: '这一级标题下的任务编号（0 为第一段不编号的原文，如指导思想）。', value: (s) => s.tasks.map((t) => t.number) },
];

export const PLAN_FIELDS: Field<PlanWithData>[] = [
  { name: 'year', type: 'number', description: '年份。', value: (p) => p.year },
  { name: 'title', type: 'string', description: '标题，逐字。', value: (p) => p.title },
  { name: 'issuer', type: 'string', description: '发文机关。', value: (p) => p.issuer },
  { name: 'published', type: 'string|null', description: '发布日期 YYYY-MM-DD；原文未载明时为 null（未知）。', value: (p) => p.published },
  { name: 'source_site', type: 'string|null', description: '发布网站；未知时为 null。', value: (p) => p.site },
  { name: 'source_url', type: 'string|null', description: '原文链接（找到该页面公开存档的地址）；未知时为 null。', value: (p) => p.sourceUrl },
  { name: 'short_title', type: 'string', description: '简称：标题中的年份和文件种类，如“某年工作要点”。', value: (p) => p.name },
  { name: 'sections', type: 'section[]', description: '一级标题，按原文顺序，包括任务之后的（如保障措施），字段见下表“一级标题”。', value: (p) => p.data.outline(p.year).sections.map((s) => record(SECTION_FIELDS, s)) },
  { name: 'guiding_principles', type: 'task | null', description: '第一个一级标题下不编号的一段（任务0，如指导思想），字段见下表“任务”；没有时为空。', value: (p) => { const lead = p.data.outline(p.year).lead; return lead ? record(TASK_FIELDS, lead) : null; } },
  { name: 'parts', type: 'part[]', description: '把任务分组的各部分，按原文顺序，字段见下表“部分”。', value: (p) => p.data.outline(p.year).parts.map((part) => record(PART_FIELDS, part)) },
  { name: 'url', type: 'string', description: '本站全文页的地址（设置了 SITE_URL 时为完整网址，否则为站内路径）。', value: (p) => publicUrl(planPath(p.year)) },
  { name: 'updated', type: 'string', description: '这份数据最后修改的日期。', value: (p) => p.updated },
];

/** One record from a field list, in the declared order. */
export function record<T>(fields: Field<T>[], x: T): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, f.value(x)]));
}

export function planJson(data: PlanData) {
  return {
    documentation: publicUrl('/data/'),
    updated: data.lastUpdated,
    plans: data.plans.map((p) => record(PLAN_FIELDS, { ...p, data })),
  };
}

export function targetsJson(data: PlanData) {
  const targets = data.plans.flatMap((p) => data.targetsOf(p.year));
  return {
    documentation: publicUrl('/data/'),
    updated: data.lastUpdated,
    count: targets.length,
    targets: targets.map((t) => record([...TARGET_FIELDS, EVIDENCE_FIELD], t)),
  };
}

/** targets.csv: UTF-8 with a byte-order mark so Excel reads the Chinese correctly; empty cell for null. */
export function targetsCsv(data: PlanData): string {
  const targets = data.plans.flatMap((p) => data.targetsOf(p.year));
  return stringify(
    targets.map((t) => TARGET_FIELDS.map((f) => f.value(t))),
    {
      bom: true,
      header: true,
      columns: TARGET_FIELDS.map((f) => f.name),
      cast: { boolean: (b) => String(b) },
      record_delimiter: 'windows',
    },
  );
}

export function documentsJson(data: PlanData) {
  return {
    documentation: publicUrl('/data/'),
    updated: data.lastUpdated,
    count: data.documents.length,
    documents: data.documents.map((d) => record(DOCUMENT_FIELDS, { ...d, data })),
  };
}

/** schema.org description of a plan for search engines: data in a script element, never executed. */
export function planJsonLd(plan: Plan, data: PlanData) {
  const issuer = { '@type': 'GovernmentOrganization', name: plan.issuer };
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    name: plan.title,
    inLanguage: 'zh-CN',
    author: issuer,
    publisher: issuer,
    datePublished: plan.published ?? undefined,
    dateModified: plan.updated,
    // Only with SITE_URL: JSON-LD addresses must be absolute, and a placeholder host would be false.
    ...(absoluteUrl(planPath(plan.year)) ? { url: absoluteUrl(planPath(plan.year)) } : {}),
    isBasedOn: plan.sourceUrl ?? undefined,
    hasPart: data.tasksOf(plan.year).map((t) => ({
      '@type': 'CreativeWork',
      position: t.number,
      name: t.number === 0 ? t.title : `${taskLabel(t)} ${t.title}`,
      ...(absoluteUrl(taskPath(t.year, t.number)) ? { url: absoluteUrl(taskPath(t.year, t.number)) } : {}),
    })),
  };
}

/** JSON for inside a <script> element: `<` escaped so the text can never close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
