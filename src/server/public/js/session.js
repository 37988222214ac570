// The session of a server with a login: every call to the API carries the CSRF token, a lapsed login leads to the login page.

/** The CSRF token the server set at login (readable by this site's pages only), or undefined without a login. */
export function csrfToken() {
  const m = /(?:^|;\s*)vanban_csrf=([^;]+)/.exec(document.cookie);
  return m ? m[1] : undefined;
}

/**
 * fetch for the API: adds X-CSRF-Token when logged in; on 401 (no login, or it lapsed) goes to the login page,
 * which brings the user back here.
 * @param {string} url
 * @param {RequestInit} [init]
 * @returns {Promise<Response>}
 */
export async function api(url, init = {}) {
  const headers = new Headers(init.headers);
  const token = csrfToken();
  if (token) headers.set('X-CSRF-Token', token);
  const res = await fetch(url, { ...init, headers });
  if (res.status === 401) location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
  return res;
}

/** A "Đăng xuất" (log out) button in the page's header, when logged in. */
export function addLogout() {
  if (!csrfToken()) return;
  const header = document.querySelector('header.top');
  if (!header) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'logout';
  button.className = 'logout';
  button.textContent = 'Đăng xuất';
  button.addEventListener('click', async () => {
    await api('/api/logout', { method: 'POST' }).catch(() => undefined);
    location.assign('/login');
  });
  header.append(button);
}
