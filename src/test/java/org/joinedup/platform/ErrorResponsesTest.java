package org.joinedup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.joinedup.platform.ErrorResponses.ErrorAnswer;
import org.junit.jupiter.api.Test;

/** Which error answers the document gives an operation, from what the operation is. */
class ErrorResponsesTest {

    @Test
    void aPublicReadWithoutParametersCanOnlyFindItsDependenciesDown() {
        assertEquals(EnumSet.of(ErrorAnswer.SERVICE_UNAVAILABLE), ErrorResponses.applying(HttpMethod.GET, OASFactory.createOperation()));
    }

    @Test
    void aSecuredUpdateOfOneThingMayBeRefusedMissingInvalidTooLargeOrInConflict() {
        var operation = secured().addParameter(parameter(Parameter.In.PATH, "id"))
                .requestBody(OASFactory.createRequestBody());
        assertEquals(EnumSet.of(ErrorAnswer.BAD_REQUEST, ErrorAnswer.UNAUTHORIZED, ErrorAnswer.FORBIDDEN, ErrorAnswer.NOT_FOUND,
                ErrorAnswer.CONFLICT, ErrorAnswer.CONTENT_TOO_LARGE, ErrorAnswer.SERVICE_UNAVAILABLE),
                ErrorResponses.applying(HttpMethod.PUT, operation));
    }

    @Test
    void aSecuredReadIsNoConflict() {
        assertEquals(EnumSet.of(ErrorAnswer.UNAUTHORIZED, ErrorAnswer.FORBIDDEN, ErrorAnswer.SERVICE_UNAVAILABLE),
                ErrorResponses.applying(HttpMethod.GET, secured()));
    }

    @Test
    void queryParametersMayBeInvalid() {
        var operation = OASFactory.createOperation().addParameter(parameter(Parameter.In.QUERY, "size"));
        assertEquals(EnumSet.of(ErrorAnswer.BAD_REQUEST, ErrorAnswer.SERVICE_UNAVAILABLE), ErrorResponses.applying(HttpMethod.GET, operation));
    }

    @Test
    void anIfMatchHeaderMayNameAStaleVersion() {
        var operation = secured().addParameter(parameter(Parameter.In.HEADER, "If-Match"));
        assertTrue(ErrorResponses.applying(HttpMethod.PUT, operation).contains(ErrorAnswer.PRECONDITION_FAILED));
        assertFalse(ErrorResponses.applying(HttpMethod.PUT, secured()).contains(ErrorAnswer.PRECONDITION_FAILED));
    }

    private static Operation secured() {
        return OASFactory.createOperation().addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearerAuth"));
    }

    private static Parameter parameter(Parameter.In in, String name) {
        return OASFactory.createParameter().in(in).name(name);
    }
}
