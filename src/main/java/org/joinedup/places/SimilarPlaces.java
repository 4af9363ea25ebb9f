package org.joinedup.places;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;

/** A council's neighbours as the API shows them, and the checks on what was asked. */
@ApplicationScoped
public class SimilarPlaces {

    public static final int MAX_SIZE = 50;

    @Inject
    NearestNeighbours neighbours;

    @Inject
    Geography geography;

    SimilarAreas similar(String code, String sizeText) {
        var area = geography.find(code).orElseThrow(() -> ProblemException.notFound("Area", code));
        if (!neighbours.isCouncil(code)) {
            var councils = geography.all().stream().filter(Area::isLocalAuthority)
                    .filter(c -> code.equals(c.icbCode()) || code.equals(c.regionCode()))
                    .map(Area::code).toList();
            throw ProblemException.invalid(new Violation("code", "path", "'" + code + "' is " + area.name()
                    + ", not an upper-tier council: only councils have nearest neighbours; ask for one of its councils", councils));
        }
        int size = size(sizeText);
        var edition = neighbours.weights().deprivationEdition();
        var own = neighbours.figures(code).orElseThrow();
        var list = neighbours.of(code, size).stream().map(n -> {
            var other = geography.find(n.code()).orElseThrow();
            return new SimilarAreas.SimilarCouncil(other.code(), other.name(), other.icbCode(), other.regionCode(), round(n.distance()),
                    SimilarAreas.ComparedFigures.of(neighbours.figures(n.code()).orElseThrow(), edition), neighbours.sharedTraits(n.code(), code));
        }).toList();
        return new SimilarAreas(new SimilarAreas.Council(area.code(), area.name(), area.icbCode(), area.regionCode(), SimilarAreas.ComparedFigures.of(own, edition)),
                SimilarAreas.SimilarityMethod.of(neighbours.weights()), list);
    }

    /** A whole number from 1 to {@link #MAX_SIZE}, or a 400 naming size. */
    private static int size(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            if (value >= 1 && value <= MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.invalid(Violation.query("size", "must be a whole number from 1 to " + MAX_SIZE));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
