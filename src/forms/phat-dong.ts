// Form "phat-dong": the launch of a campaign (Phát động phong trào thi đua), laid out like NĐ 30 PL III Mẫu 1.4.
import { campaignSchema, type CampaignInput } from '../schema/campaign';
import { campaignViewModel } from '../viewmodel/campaign';
import type { FormDefinition } from './types';

const form: FormDefinition<CampaignInput> = {
  id: 'phat-dong',
  schema: campaignSchema,
  toViewModel: campaignViewModel,
};
export default form;
