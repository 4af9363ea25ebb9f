package org.joinedup.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Says in each secured operation's description which roles may call it. Quarkus lists the roles of
 * {@code @RolesAllowed} as the scopes of the bearer-token requirement, but scopes belong to OAuth2:
 * for a bearer token the list stays empty, so generated clients and linters read it right.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OperationRoles implements OASFilter {

    /** How the sentence this adds to a description begins. */
    public static final String ACCESS = "Needs a bearer token";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            return operation;
        }
        var roles = new ArrayList<String>();
        var requirements = new ArrayList<SecurityRequirement>();
        for (var requirement : operation.getSecurity()) {
            var withoutScopes = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                roles.addAll(scopes == null ? List.of() : scopes);
                withoutScopes.addScheme(scheme, List.of());
            });
            requirements.add(withoutScopes);
        }
        operation.setSecurity(requirements);
        if (!requirements.isEmpty()) {
            var who = roles.isEmpty() ? ACCESS + " (any signed-in account)." : ACCESS + " with the role " + String.join(" or ", roles) + ".";
            operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        }
        return operation;
    }
}
