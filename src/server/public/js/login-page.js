// The login page: name and password to /api/login, then back to the page that asked for it.

const form = /** @type {HTMLFormElement} */ (document.getElementById('login'));
const message = /** @type {HTMLElement} */ (document.getElementById('message'));
const button = /** @type {HTMLButtonElement} */ (document.getElementById('submit'));

/** Only a path of this site: never another site named in the address. */
function nextPage() {
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  return /^\/(?![/\\])/.test(next) ? next : '/';
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData(form);
  button.disabled = true;
  message.textContent = 'Đang đăng nhập…';
  try {
    const res = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: String(data.get('name') ?? ''), password: String(data.get('password') ?? '') }),
    });
    if (res.ok) {
      location.assign(nextPage());
      return;
    }
    const body = await res.json().catch(() => ({}));
    message.textContent = body.issues?.[0]?.vi ?? `Không đăng nhập được (${res.status}).`;
    /** @type {HTMLInputElement} */ (form.elements.namedItem('password')).value = '';
  } catch {
    message.textContent = 'Không đăng nhập được: máy chủ không trả lời.';
  } finally {
    button.disabled = false;
  }
});
document.body.dataset.ready = 'true';
