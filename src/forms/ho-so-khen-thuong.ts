// Form "ho-so-khen-thuong": the whole nomination dossier from one input (tờ trình, biên bản, reports, merged PDF).
import { hoSoSchema, type HoSoInput } from '../schema/nomination';
import { hoSoDocuments } from '../viewmodel/dossier';
import type { FormDefinition } from './types';

const form: FormDefinition<HoSoInput> = { id: 'ho-so-khen-thuong', schema: hoSoSchema, toDocuments: hoSoDocuments };
export default form;
