// Who is signed in. The session cookie is HttpOnly: the page learns the user from /auth/me, never from a cookie.

export function setUser(app, user) {
  app.user = user ? { name: user.name, role: user.role, counties: user.counties || [] } : null;
  document.body.classList.toggle('is-signed-in', !!app.user);
  app.emit('session');
}

/** At start-up: a session that survives a reload is picked up again. */
export async function restoreSession(app) {
  try {
    const me = await app.api.me();
    setUser(app, me?.user || null);
  } catch (e) {
    console.warn('session:', e.message);
    setUser(app, null);
  }
}
