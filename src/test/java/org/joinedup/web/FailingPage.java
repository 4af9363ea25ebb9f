package org.joinedup.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test only: a page with a bug no mapper expects, so PagesTest sees what a browser gets then. */
@Path("/test-only/failing-page")
@PermitAll
public class FailingPage {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        throw new IllegalStateException("a bug on a page, with internals the browser must not see");
    }
}
