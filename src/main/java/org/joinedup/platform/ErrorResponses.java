package org.joinedup.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the error answers of every API operation, derived from what the operation is (secured,
 * addressed by path parameters, taking input, writing, conditional on If-Match), each a problem+json
 * {@link Problem}: the service answers every error so (ProblemMappers), so the document says it in
 * one place rather than on each resource method. Where an operation declares an error status itself
 * with content, or one these rules do not derive (a 429, a 404 without path parameters), its own
 * words stay and get the problem content. Runs at build time, so the document stored in
 * target/openapi/ is the one served.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ErrorResponses implements OASFilter {

    /** The schema generated from {@link Problem}. */
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final Set<HttpMethod> WRITES = EnumSet.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    /** Each error answer: its status, its name under components/responses, and what it means. */
    enum ErrorAnswer {
        BAD_REQUEST(400, "BadRequest", "The request is invalid: violations names each offending field, where it was sent and why "
                + "(and the values allowed, where there is a list). Nothing was changed."),
        UNAUTHORIZED(401, "Unauthorized", "No valid bearer token: none was sent, or it expired or was revoked. "
                + "POST /api/auth/token gives one."),
        FORBIDDEN(403, "Forbidden", "Signed in, but your role, or your relation to what you address, does not allow this."),
        NOT_FOUND(404, "NotFound", "Nothing at this address, or nothing you may see."),
        CONFLICT(409, "Conflict", "The change conflicts with the current state: a stale version (read it again and reapply), "
                + "a duplicate, or a step out of order."),
        PRECONDITION_FAILED(412, "PreconditionFailed", "If-Match names a version that is no longer the current one: "
                + "read it again and reapply your change."),
        CONTENT_TOO_LARGE(413, "ContentTooLarge", "The request body is over " + BodySizeLimit.MAX_BYTES + " bytes."),
        TOO_MANY_REQUESTS(429, "TooManyRequests", "Too many attempts: wait the seconds Retry-After gives."),
        SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "The database or the search engine is not answering for the moment; "
                + "nothing was saved. Retry after the seconds Retry-After gives.");

        final int status;
        final String component;
        final String description;

        ErrorAnswer(int status, String component, String description) {
            this.status = status;
            this.component = component;
            this.description = description;
        }

        String code() {
            return String.valueOf(status);
        }

        static ErrorAnswer named(String component) {
            for (var answer : values()) {
                if (answer.component.equals(component)) {
                    return answer;
                }
            }
            return null;
        }

    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var used = EnumSet.noneOf(ErrorAnswer.class);
        if (openAPI.getPaths() != null) {
            for (var path : openAPI.getPaths().getPathItems().values()) {
                for (Map.Entry<HttpMethod, Operation> operation : path.getOperations().entrySet()) {
                    used.addAll(document(operation.getKey(), operation.getValue()));
                }
            }
        }
        for (var answer : used) {
            openAPI.getComponents().addResponse(answer.component, shared(answer));
        }
    }

    /** The error answers that apply to an operation, from its traits. */
    static Set<ErrorAnswer> applying(HttpMethod method, Operation operation) {
        var answers = EnumSet.of(ErrorAnswer.SERVICE_UNAVAILABLE);
        boolean secured = operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(requirement -> !requirement.getSchemes().isEmpty());
        boolean body = operation.getRequestBody() != null;
        if (secured) {
            answers.add(ErrorAnswer.UNAUTHORIZED);
            answers.add(ErrorAnswer.FORBIDDEN);
            if (WRITES.contains(method)) {
                answers.add(ErrorAnswer.CONFLICT);
            }
        }
        if (has(operation, Parameter.In.PATH)) {
            answers.add(ErrorAnswer.NOT_FOUND);
        }
        if (body || has(operation, Parameter.In.QUERY) || has(operation, Parameter.In.HEADER)) {
            answers.add(ErrorAnswer.BAD_REQUEST);
        }
        if (body) {
            answers.add(ErrorAnswer.CONTENT_TOO_LARGE);
        }
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
            answers.add(ErrorAnswer.PRECONDITION_FAILED);
        }
        return answers;
    }

    /** Adds the error answers to the operation; returns the shared ones it refers to. */
    private static Set<ErrorAnswer> document(HttpMethod method, Operation operation) {
        var responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (var answer : applying(method, operation)) {
            var declared = responses.getAPIResponse(answer.code());
            // Quarkus adds a bare 401 and 403 to secured operations ("Not Authorized"): the shared answer replaces them
            if (declared == null || declared.getRef() == null && declared.getContent() == null) {
                responses.addAPIResponse(answer.code(), OASFactory.createAPIResponse().ref(answer.component));
            }
        }
        // a status the operation declared itself keeps its own words (and headers) and gets the problem body
        var referred = EnumSet.noneOf(ErrorAnswer.class);
        for (var declared : responses.getAPIResponses().entrySet()) {
            var response = declared.getValue();
            if (isError(declared.getKey()) && response.getRef() == null && response.getContent() == null) {
                response.setContent(problemContent());
            }
            var shared = ErrorAnswer.named(shortRef(response));
            if (shared != null) {
                referred.add(shared);
            }
        }
        return referred;
    }

    private static String shortRef(APIResponse response) {
        return response == null || response.getRef() == null ? null : response.getRef().substring(response.getRef().lastIndexOf('/') + 1);
    }

    private static boolean has(Operation operation, Parameter.In in) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> p.getIn() == in);
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
    }

    private static APIResponse shared(ErrorAnswer answer) {
        var response = OASFactory.createAPIResponse().description(answer.description).content(problemContent());
        headers(answer).forEach(response::addHeader);
        return response;
    }

    private static Map<String, Header> headers(ErrorAnswer answer) {
        switch (answer) {
            case UNAUTHORIZED:
                return Map.of("WWW-Authenticate", header("Bearer: send a bearer token", SchemaType.STRING));
            case TOO_MANY_REQUESTS:
            case SERVICE_UNAVAILABLE:
                return Map.of("Retry-After", header("Seconds to wait before trying again", SchemaType.INTEGER));
            default:
                return Map.of();
        }
    }

    private static Header header(String description, SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
