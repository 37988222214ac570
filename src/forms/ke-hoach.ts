// Form "ke-hoach": a campaign plan (Kế hoạch, NĐ 30 PL III Mẫu 1.4).
import { campaignSchema, type CampaignInput } from '../schema/campaign';
import { campaignViewModel } from '../viewmodel/campaign';
import type { FormDefinition } from './types';

const form: FormDefinition<CampaignInput> = {
  id: 'ke-hoach',
  schema: campaignSchema,
  toViewModel: campaignViewModel,
};
export default form;
