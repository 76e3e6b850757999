/** Reading a Word .docx plan (implemented below). */
import { ImportError } from './errors.ts';
import type { PlanSource } from './plan-import.ts';

export async function readDocxSource(path: string): Promise<PlanSource> {
  throw new ImportError(`${path}: .docx not supported yet`);
}
