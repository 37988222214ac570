// Form "to-trinh": a proposal to award, with the attached list as an appendix (NĐ 30 PL III Mẫu 1.4, Mẫu 2.1).
import { toTrinhSchema, type ToTrinhInput } from '../schema/nomination';
import { toTrinhDocument } from '../viewmodel/nomination';
import type { FormDefinition } from './types';

const form: FormDefinition<ToTrinhInput> = { id: 'to-trinh', schema: toTrinhSchema, toViewModel: toTrinhDocument };
export default form;
