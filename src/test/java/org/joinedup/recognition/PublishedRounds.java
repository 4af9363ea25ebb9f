package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hears RoundPublished in tests, as the recognised facet will. */
@ApplicationScoped
public class PublishedRounds {

    private final List<Long> published = new CopyOnWriteArrayList<>();

    void heard(@Observes RoundPublished event) {
        published.add(event.roundId());
    }

    public List<Long> ids() {
        return List.copyOf(published);
    }
}
