package org.joinedup.matching;

import java.time.Instant;
import java.util.List;
import org.joinedup.platform.Versioned;
import org.joinedup.vocabulary.PlaceView;

public record LearningRequestView(long id, int version, long learnerId, String learnerName, PlaceView area, List<String> services,
        List<String> approaches, String scope, List<String> formats, String need, String status, Instant createdAt, Instant updatedAt,
        String programme)
        implements Versioned {
}
