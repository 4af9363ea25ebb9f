package org.joinedup.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a code sent either as itself ({@code "E10000024"}) or as the object a GET shows for it
 * ({@code {"code": "E10000024", "name": ...}}), so a client can PUT back what it read.
 */
public class CodeOrObject extends StdDeserializer<String> {

    public CodeOrObject() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            JsonNode code = context.readTree(parser).get("code");
            return code == null || !code.isTextual() ? null : code.asText();
        }
        return context.readValue(parser, String.class);
    }
}
