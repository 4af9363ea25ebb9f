package org.joinedup.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 problem+json. Resources and services just throw;
 * no body here ever carries a stack trace, an exception class name or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper json;

    @Inject
    UriInfo uri;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        var response = respond(e.problem());
        return e.retryAfterSeconds() == null ? response : Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .map(ProblemMappers::toViolation)
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return respond(ProblemException.invalid(violations).problem());
    }

    // MismatchedInputException is named too: Quarkus REST's own mapper for it answers an empty 400
    @ServerExceptionMapper({ JsonMappingException.class, MismatchedInputException.class, UnrecognizedPropertyException.class })
    public Response unreadableJson(JsonMappingException e) {
        var field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        var message = e instanceof UnrecognizedPropertyException u ? "unknown field '" + u.getPropertyName() + "'"
                : e instanceof StrictJson.NulCharacter ? "must not contain the NUL character (U+0000)"
                : "has the wrong type or format" + expected(e);
        var violation = field.isEmpty() ? Violation.body("body", "is not a JSON object of the expected shape")
                : Violation.body(field, message);
        return respond(ProblemException.invalid(violation).problem());
    }

    @ServerExceptionMapper({ JsonParseException.class, JsonProcessingException.class })
    public Response malformedJson(JsonProcessingException e) {
        var location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(ProblemException.invalid(Violation.body("body", "is not valid JSON" + location)).problem());
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentChange(RuntimeException e, HttpHeaders headers) {
        // the same lost race as a stale version, told in the terms the client used: If-Match or the body
        if (headers.getHeaderString(ETags.IF_MATCH) != null) {
            return respond(ETags.changedMeanwhile());
        }
        return respond(Problem.of("stale-version", "Stale version", 409,
                "someone else changed this at the same time; fetch it again and reapply your change"));
    }

    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e) {
        if (e.getKind() == ConstraintKind.UNIQUE || e.getKind() == ConstraintKind.FOREIGN_KEY) {
            return respond(Problem.of("conflict", "Conflict", 409, "the change conflicts with data that already exists"));
        }
        return unexpected(e);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        if (databaseUnreachable(e)) {
            // the token's account could not be read (AccountSessions): the database is down, the token may be fine
            return unexpected(e);
        }
        var response = respond(Problem.of("unauthorized", "Unauthorized", 401,
                "sign in first: send a valid bearer token (POST /api/auth/token gives one)"));
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "your role does not allow this"));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        // Quarkus REST wraps a body it cannot parse in a plain 400; say what was wrong with it instead
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadableJson(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException parse) {
            return malformedJson(parse);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        var reason = Response.Status.fromStatusCode(status);
        var title = reason == null ? "Request refused" : reason.getReasonPhrase();
        var detail = status == 404 ? "there is nothing at this address" : title;
        return respond(Problem.of(title.toLowerCase().replace(' ', '-'), title, status, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (databaseUnreachable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return respond(Problem.of("database-unavailable", "Database unavailable", 503,
                    "the database is not answering for the moment; nothing was saved. Retry in " + Problem.RETRY_AFTER_SECONDS + " seconds"));
        }
        if (anyCause(e, c -> c instanceof OptimisticLockException || c instanceof StaleStateException)) {
            // found only as the transaction committed (the same delete sent twice at once: the row was gone), so wrapped
            return respond(Problem.of("stale-version", "Stale version", 409,
                    "someone else changed this at the same time; fetch it again and reapply your change"));
        }
        if (holdsNul(e)) {
            // a form field the checks before the database did not see (bodies and addresses are refused earlier, naming the field)
            return respond(ProblemException.invalid(Violation.body("body", "must not contain the NUL character (U+0000)")).problem());
        }
        var incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "the service could not complete the request; quote incident " + incident + " when reporting it"));
    }

    /**
     * A lost or refused database connection (SQL state class 08, a server shutting down, or no
     * connection from the pool in time) is a 503 the client may retry, not an internal error.
     */
    public static boolean databaseUnreachable(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                var state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))
                        || String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Whether the database refused text holding U+0000 (SQLSTATE 22021): bad input, not a fault. */
    public static boolean holdsNul(Throwable e) {
        return anyCause(e, c -> c instanceof SQLException sql && "22021".equals(sql.getSQLState()));
    }

    /** Whether the failure or any cause of it is such (22021 is PostgreSQL's refusal of text holding U+0000). */
    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (var cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private Response respond(Problem problem) {
        var located = uri == null ? problem : problem.at(uri.getRequestUri().getRawPath());
        try {
            var response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(located));
            if (problem.status() == 503) {
                response.header("Retry-After", Problem.RETRY_AFTER_SECONDS);
            }
            return response.build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String expected(JsonMappingException e) {
        if (!(e instanceof MismatchedInputException m) || m.getTargetType() == null) {
            return "";
        }
        var type = m.getTargetType();
        if (type == LocalDate.class) {
            return "; expected a date such as 2026-05-01";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "; expected a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "; expected a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "; expected true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "; expected a list";
        }
        return type == String.class ? "; expected a string" : "; expected an object";
    }

    /** Turns a Bean Validation path such as {@code create.input.records[0].title} into {@code records[0].title}. */
    static Violation toViolation(ConstraintViolation<?> violation) {
        var nodes = new ArrayList<Path.Node>();
        violation.getPropertyPath().forEach(nodes::add);
        if (isMissingBody(violation, nodes)) {
            return Violation.body("body", "is required: send a JSON body");
        }
        // nodes[0] is the resource method, nodes[1] its parameter: a bare parameter is a query or path parameter
        boolean parameter = nodes.size() <= 2 || violation.getLeafBean() instanceof PageRequest;
        var field = new StringBuilder();
        for (Path.Node node : nodes.subList(Math.min(nodes.size() - 1, 2), nodes.size())) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            var name = node.getName();
            if (name != null && !name.startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return new Violation(field.toString(), parameter ? "query" : "body", violation.getMessage(), List.of());
    }

    /** A violation of the resource method's body parameter itself (no body sent), which has no JAX-RS annotation. */
    private static boolean isMissingBody(ConstraintViolation<?> violation, List<Path.Node> nodes) {
        if (nodes.size() != 2 || !(nodes.get(0) instanceof Path.MethodNode method) || !(nodes.get(1) instanceof Path.ParameterNode parameter)) {
            return false;
        }
        var types = method.getParameterTypes().toArray(Class<?>[]::new);
        // the bean may be a generated subclass whose override carries no annotations: look up to where the method is declared
        for (Class<?> c = violation.getRootBeanClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                var declared = c.getDeclaredMethod(method.getName(), types);
                if (declared.getAnnotations().length == 0) {
                    continue;
                }
                return Arrays.stream(declared.getParameterAnnotations()[parameter.getParameterIndex()])
                        .map(a -> a.annotationType().getPackageName())
                        .noneMatch(p -> p.startsWith("jakarta.ws.rs") || p.startsWith("org.jboss.resteasy.reactive"));
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        return false;
    }
}
