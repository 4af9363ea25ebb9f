package org.joinedup.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a code sent either as itself ({@code "E10000024"}) or as the object a GET shows for it
 * ({@code {"code": "E10000024", "name": ...}}), so a client can PUT back what it read. The object may
 * hold only the fields of the view a GET shows ({@code shown}'s components; unknown fields are
 * refused, as everywhere in the API, naming e.g. {@code homeArea.colour}); its code must be a string.
 * Without a code it reads as null, which the field's own constraint then names.
 */
public abstract class CodeOrObject extends StdDeserializer<String> {

    private final List<String> shownFields;

    protected CodeOrObject(Class<? extends Record> shown) {
        super(String.class);
        this.shownFields = Arrays.stream(shown.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return context.readValue(parser, String.class);
        }
        JsonNode object = context.readTree(parser);
        for (var names = object.fieldNames(); names.hasNext();) {
            var name = names.next();
            if (!shownFields.contains(name)) {
                throw UnrecognizedPropertyException.from(parser, String.class, name, List.copyOf(shownFields));
            }
        }
        JsonNode code = object.get("code");
        if (code == null || code.isNull()) {
            return null;
        }
        if (!code.isTextual()) {
            throw JsonMappingException.wrapWithPath(MismatchedInputException.from(parser, String.class, "expected a code as a string"),
                    String.class, "code");
        }
        return code.asText();
    }
}
