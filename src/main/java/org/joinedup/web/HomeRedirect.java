package org.joinedup.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The site's front door is the search: "/" sends the browser to /find. */
@ApplicationScoped
public class HomeRedirect {

    void route(@Observes Router router) {
        router.get("/").handler(rc -> rc.redirect("/find"));
    }
}
