// The start page: every form by its Vietnamese name, with a mark where a draft is waiting.
import { hasDraft } from './drafts.js';
import { addLogout, api } from './session.js';

const list = document.getElementById('forms');
addLogout();
const forms = await (await api('/api/forms')).json();
for (const f of forms) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = `/form/${encodeURIComponent(f.id)}`;
  a.textContent = f.titleVi;
  li.append(a);
  const small = document.createElement('span');
  small.className = 'small';
  small.textContent = ` (${f.id})${hasDraft(f.id) ? ' – có bản nháp' : ''}`;
  li.append(small);
  list.append(li);
}
document.body.dataset.ready = 'true';
