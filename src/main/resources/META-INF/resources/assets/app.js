// Progressive enhancement only: every page works without this file.
import { initAll } from './nhsuk-frontend.min.js'

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported')
initAll()

// The search filters apply as soon as one changes, instead of waiting for "Apply filters".
for (const form of document.querySelectorAll('form[data-autosubmit]')) {
  for (const input of form.querySelectorAll('input[type=checkbox], input[type=radio], select')) {
    // a field standing inside that belongs to another form (its form attribute, e.g. "Save this search") is no filter
    if (input.form === form) {
      input.addEventListener('change', () => form.requestSubmit())
    }
  }
}

// A running job's page follows the job: every second it fetches the page again and swaps in the
// job's part, until the job has ended. A screen reader hears each new state or phase once.
const job = document.querySelector('[data-job-state]')
const ended = (part) => ['succeeded', 'failed'].includes(part.dataset.jobState)
if (job && !ended(job)) {
  let shown = job
  const follow = async () => {
    try {
      const answer = await fetch(location.href, { headers: { Accept: 'text/html' } })
      const next = answer.ok && new DOMParser().parseFromString(await answer.text(), 'text/html').querySelector('[data-job-state]')
      if (next) {
        if (next.dataset.jobSummary !== shown.dataset.jobSummary) {
          document.getElementById('job-announce').textContent = next.dataset.jobSummary
        }
        shown.replaceWith(next)
        shown = next
        if (ended(next)) {
          return
        }
      }
    } catch (missed) {
      // the service did not answer this time; the next look tries again
    }
    setTimeout(follow, 1000)
  }
  setTimeout(follow, 1000)
}
