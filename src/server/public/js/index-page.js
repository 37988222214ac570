// The start page: the forms in the order of the work, each with a line on when to use it and a mark where a draft
// the clerk has typed into is waiting.
import { draftsOf } from './drafts.js';
import { addLogout, api } from './session.js';

const list = /** @type {HTMLElement} */ (document.getElementById('forms'));
addLogout();
const forms = await (await api('/api/forms')).json();
for (const f of forms) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = `/form/${encodeURIComponent(f.id)}`;
  a.textContent = f.titleVi;
  li.append(a);
  if (f.moTaVi) {
    const when = document.createElement('p');
    when.className = 'small when';
    when.textContent = f.moTaVi;
    li.append(when);
  }
  const drafts = draftsOf(f.id);
  if (drafts.length) {
    const mark = document.createElement('p');
    mark.className = 'small draft-mark';
    mark.textContent = drafts.length === 1 ? `Có bản nháp: ${drafts[0].name}` : `Có ${drafts.length} bản nháp: ${drafts.map((d) => d.name).join(', ')}`;
    li.append(mark);
  }
  list.append(li);
}
document.body.dataset.ready = 'true';
