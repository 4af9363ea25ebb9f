// Progressive enhancement only: every page works without this file.
import { initAll } from './nhsuk-frontend.min.js'

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported')
initAll()

// The search filters apply as soon as one changes, instead of waiting for "Apply filters".
for (const form of document.querySelectorAll('form[data-autosubmit]')) {
  for (const input of form.querySelectorAll('input[type=checkbox], input[type=radio], select')) {
    input.addEventListener('change', () => form.requestSubmit())
  }
}
