// Input of the campaign documents (kế hoạch, phát động): shared document fields plus the campaign body.
import { z } from 'zod';
import { label } from './labels';
import { blockSchema, canCuSchema, checkNesting, documentFields, richText, text } from './common';

export const campaignSchema = z.strictObject({
  ...documentFields,
  phongTrao: label(
    z.strictObject({
      ten: text('Tên phong trào thi đua', 'Campaign name', { vi: 'Không có dấu ngoặc kép, ví dụ Đẩy mạnh cải cách hành chính.', en: 'Without quotes, e.g. Đẩy mạnh cải cách hành chính.' }, 500),
      tuNam: label(z.number().int().min(1945).max(2100), 'Từ năm', 'From year').optional(),
      denNam: label(z.number().int().min(1945).max(2100), 'Đến năm', 'To year').optional(),
    }),
    'Phong trào thi đua', 'Campaign',
  ).optional(),
  canCu: canCuSchema.optional(),
  moDau: label(z.array(richText('Đoạn mở đầu', 'Opening paragraph')).max(50), 'Mở đầu', 'Opening').optional(),
  noiDung: label(z.array(blockSchema).min(1).max(500), 'Nội dung', 'Body'),
  ketLuan: label(z.array(richText('Đoạn kết', 'Closing paragraph')).max(20), 'Kết luận', 'Closing').optional(),
}).superRefine((v, ctx) => checkNesting(v.noiDung, ctx, ['noiDung']));

export type CampaignInput = z.infer<typeof campaignSchema>;
