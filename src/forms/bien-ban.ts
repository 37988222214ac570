// Form "bien-ban": minutes of the Hội đồng Thi đua - Khen thưởng meeting with the vote per nominee (NĐ 30 PL III Mẫu 1.9).
import { bienBanSchema, type BienBanInput } from '../schema/nomination';
import { bienBanDocument } from '../viewmodel/nomination';
import type { FormDefinition } from './types';

const form: FormDefinition<BienBanInput> = { id: 'bien-ban', schema: bienBanSchema, toViewModel: bienBanDocument };
export default form;
