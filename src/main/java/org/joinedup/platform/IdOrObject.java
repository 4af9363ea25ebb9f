package org.joinedup.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an id sent either as itself ({@code 42}) or as the object a GET shows for it (for judges,
 * {@code {"accountId": 42, "name": ...}}), so a client can PUT back what it read: {@link CodeOrObject}
 * for numeric ids. The id must be a whole JSON number that fits a long (not a string, not 1.5, not
 * 1e30); the object may hold only the id and the fields the GET shows beside it (unknown fields are
 * refused, as everywhere in the API). A refusal names the id's place, e.g. {@code judges[0].accountId}.
 */
public abstract class IdOrObject extends StdDeserializer<Long> {

    private final String idField;
    private final List<String> shownFields;

    protected IdOrObject(String idField, String... shownBeside) {
        super(Long.class);
        this.idField = idField;
        this.shownFields = Stream.concat(Stream.of(idField), Stream.of(shownBeside)).toList();
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return id(context.readTree(parser), parser);
        }
        JsonNode object = context.readTree(parser);
        for (var names = object.fieldNames(); names.hasNext();) {
            var name = names.next();
            if (!shownFields.contains(name)) {
                throw UnrecognizedPropertyException.from(parser, Long.class, name, List.copyOf(shownFields));
            }
        }
        try {
            return id(object.get(idField), parser);
        } catch (MismatchedInputException e) {
            throw JsonMappingException.wrapWithPath(e, Long.class, idField);
        }
    }

    private static Long id(JsonNode node, JsonParser parser) throws MismatchedInputException {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw MismatchedInputException.from(parser, Long.class, "expected a whole number that fits a long");
        }
        return node.longValue();
    }

    /** An account id, or the {@code {accountId, name}} a GET shows for an account (a round's judges). */
    public static class AccountId extends IdOrObject {

        public AccountId() {
            super("accountId", "name");
        }
    }
}
