package org.joinedup.vocabulary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Vocabularies and areas")
public class VocabularyResource {

    @Inject
    Vocabularies vocabularies;

    @Inject
    Geography geography;

    public record AreaCatalogue(BoundarySet boundarySet, Collection<Area> areas, Collection<Country> countries) {
    }

    @GET
    @Path("/vocabularies")
    @Operation(operationId = "listVocabularies", summary = "List every vocabulary",
            description = "Services, scopes, approaches, outcome metrics, programmes, roles, mentoring formats and the dimensions a place assesses itself on, by name: "
                    + "each item's code (what the API takes), label and synonyms.")
    public Map<String, List<VocabularyItem>> vocabularies() {
        var result = new LinkedHashMap<String, List<VocabularyItem>>();
        for (var kind : VocabularyKind.values()) {
            result.put(kind.fileName, vocabularies.get(kind).items());
        }
        return result;
    }

    @GET
    @Path("/vocabularies/{name}")
    @Operation(operationId = "getVocabulary", summary = "Get one vocabulary", description = "One vocabulary by name, e.g. services.")
    public List<VocabularyItem> vocabulary(@PathParam("name") String name) {
        return Arrays.stream(VocabularyKind.values()).filter(k -> k.fileName.equals(name)).findFirst()
                .map(kind -> vocabularies.get(kind).items())
                .orElseThrow(() -> ProblemException.notFound("Vocabulary", name));
    }

    @GET
    @Path("/areas")
    @Operation(operationId = "listAreas", summary = "List areas",
            description = "NHS England regions, ICBs (current and superseded) and upper-tier local authorities, with centroids; "
                    + "narrowed by type (region, icb, local-authority) and region code.")
    public AreaCatalogue areas(@QueryParam("type") String type, @QueryParam("region") String region) {
        var types = List.of(Area.REGION, Area.ICB, Area.LOCAL_AUTHORITY);
        if (type != null && !types.contains(type)) {
            throw ProblemException.invalid(new Violation("type", "query", "is not an area type", types));
        }
        if (region != null && geography.find(region).filter(a -> Area.REGION.equals(a.type())).isEmpty()) {
            throw ProblemException.invalid(new Violation("region", "query", "is not an NHS England region code",
                    geography.ofType(Area.REGION).stream().map(Area::code).toList()));
        }
        var areas = geography.all().stream()
                .filter(a -> type == null || a.type().equals(type))
                .filter(a -> region == null || region.equals(a.regionCode()))
                .toList();
        return new AreaCatalogue(geography.boundarySet(), areas, geography.countries());
    }

    @GET
    @Path("/areas/{code}")
    @Operation(operationId = "getArea", summary = "Get an area", description = "One area by its ONS code.")
    public Area area(@PathParam("code") String code) {
        return geography.find(code).orElseThrow(() -> ProblemException.notFound("Area", code));
    }
}
