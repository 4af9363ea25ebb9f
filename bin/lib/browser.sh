# Headless Chromium and its WebDriver for the browser tests (src/test/java/org/joinedup/web).
# shellcheck shell=bash
# Sourced by bin/joinedup.

# Debian's chromium and chromium-driver: /usr/bin/chromium and /usr/bin/chromedriver, same version.
browser_up() {
  ensure_cmd chromium chromium
  ensure_cmd chromedriver chromium-driver
  say "browser for the page tests: $(chromium --version 2>/dev/null | head -1), $(chromedriver --version 2>/dev/null | head -1 | cut -d' ' -f1-2)"
}
