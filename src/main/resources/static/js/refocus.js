// Progressive enhancement for NHS.UK frontend components. Pages work without this file.
//
// NHS.UK's own page template marks the body as supported with an inline <script>; REFOCUS's
// Content-Security-Policy forbids inline scripts, so this module does it before initialising.
// A browser that runs ES modules supports NHS.UK frontend by definition.
import { initAll } from '../vendor/nhsuk-frontend/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
