package org.joinedup.web;

import java.util.regex.Pattern;

/** For tests outside this package that fill in a form as a browser would. */
public final class PageForms {

    private PageForms() {
    }

    /** The CSRF token of the first form on a page. */
    public static String csrfOf(String html) {
        var m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrf field in " + html);
        }
        return m.group(1);
    }
}
