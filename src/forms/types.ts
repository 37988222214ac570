// What a form is: its schema, its pure view-model function, and the settings read from templates/<id>/form.json.
import type { z } from 'zod';
import type { Issue } from '../errors/issue';
import type { Regulations } from '../config/regulations';
import type { DocumentVM } from '../viewmodel/types';

/** Everything formatting may depend on besides the input: passed in, never read from the clock. */
export interface Context {
  regulations: Regulations;
  timeZone: 'Asia/Ho_Chi_Minh';
  source?: string;
  /** Appendices are filed as files of their own, signed by the organisation on their first page (regulations §3). */
  phuLucRieng?: boolean;
}

export interface FormSettings {
  id: string;
  titleVi: string;
  titleEn: string;
  /** Type abbreviation in the số ký hiệu (NĐ 30 PL III Mục I, or configuration). */
  kyHieuLoai: string;
  /** Output formats this form supports. */
  formats: ('docx' | 'pdf')[];
  /** A dossier: several documents of other forms, merged; it has no template of its own. */
  hoSo?: boolean;
  /** Place on the start page, in the order of the work (kế hoạch first); forms without one come last. */
  thuTu?: number;
  /** One line on the start page: when a clerk uses this form. */
  moTaVi?: string;
  [key: string]: unknown;
}

/** One document of a dossier: which form's templates draw it, its file name and its bookmark title. */
export interface DossierDocument {
  formId: string;
  /** File name stem inside the dossier folder, e.g. "01-to-trinh". */
  name: string;
  /** Bookmark of the merged PDF. */
  title: string;
  vm: DocumentVM;
}

export interface DossierResult {
  documents: DossierDocument[];
  issues: Issue[];
  /** Facts of the dossier for its manifest.json: counts, votes, money. */
  manifest: Record<string, unknown>;
}

export interface FormDefinition<I = unknown, V extends DocumentVM = DocumentVM> {
  id: string;
  schema: z.ZodType<I>;
  toViewModel?(input: I, settings: FormSettings, ctx: Context): { vm: V; issues: Issue[] };
  /** For a dossier: the documents it is made of, built by other forms from this one input. */
  toDocuments?(input: I, settings: FormSettings, ctx: Context, settingsOf: (formId: string) => FormSettings): DossierResult;
}
