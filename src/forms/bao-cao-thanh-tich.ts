// Form "bao-cao-thanh-tich": achievement report of a collective or an individual (Mẫu số 07 and successors, §4.2).
import { baoCaoSchema, type BaoCaoInput } from '../schema/nomination';
import { baoCaoDocument } from '../viewmodel/bao-cao';
import type { FormDefinition } from './types';

const form: FormDefinition<BaoCaoInput> = { id: 'bao-cao-thanh-tich', schema: baoCaoSchema, toViewModel: baoCaoDocument };
export default form;
