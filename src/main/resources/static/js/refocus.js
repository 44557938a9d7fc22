// Progressive enhancement for NHS.UK frontend components. Pages work without this file.
//
// NHS.UK's own page template marks the body as supported with an inline <script>; REFOCUS's
// Content-Security-Policy forbids inline scripts, so this module does it before initialising.
// A browser that runs ES modules supports NHS.UK frontend by definition.
import { initAll } from '../vendor/nhsuk-frontend/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

// While someone types into a form, tell the server now and then that they are still at work, so that the
// sign-out after 30 minutes without activity does not end their session under them (hazard H-06). The
// layout names the address only when someone is signed in.
const keepAlive = document.querySelector('meta[name="refocus-keep-alive"]');
const KEEP_ALIVE_EVERY_MS = 5 * 60 * 1000;
let lastKeptAlive = 0;
document.addEventListener('input', (event) => {
  if (!keepAlive || !(event.target instanceof Element) || !event.target.closest('form[method="post" i]')) {
    return;
  }
  const now = Date.now();
  if (now - lastKeptAlive >= KEEP_ALIVE_EVERY_MS) {
    lastKeptAlive = now;
    // Marked as a script's request, so that a signed-out answer (401) is not remembered as a page to return to.
    fetch(keepAlive.content, { credentials: 'same-origin', cache: 'no-store',
      headers: { 'X-Requested-With': 'XMLHttpRequest' } }).catch(() => {});
  }
});

// Enter in a field inside [data-enter-clicks="<button id>"] presses that button rather than the form's first
// one: on the account form, Enter in the record search fields searches, and anywhere else invites or saves.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.isComposing || !(event.target instanceof HTMLInputElement)) {
    return;
  }
  const area = event.target.closest('[data-enter-clicks]');
  const button = area && document.getElementById(area.dataset.enterClicks);
  if (button) {
    event.preventDefault();
    button.click();
  }
});
