package org.joinedup.search.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Writes a leader document or one of its records cut to some of its fields ({@link DocumentFields#HIT}): the JSON that
 * Elasticsearch's source filtering gives for the same paths, so a hit reads either into the same types. Only the fields
 * named are computed: a derived field left out (the facet values, the card itself) is never called.
 */
final class HitCards {

    private static final String CUT = "cut";

    /**
     * Every object is cut, and the by-fields (a map of maps, the document's largest part) are never computed: one mapper,
     * a writer of it per card.
     */
    private static final JsonMapper CUTTING = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Object findFilterId(Annotated annotated) {
                    return CUT;
                }

                @Override
                public Boolean hasAnyGetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .build();

    /** The leader's card: {@link DocumentFields#HIT_FIELDS}. */
    static final ObjectWriter LEADER = writer("", DocumentFields.HIT_FIELDS);
    /** A record's card: {@link DocumentFields#MATCHED_RECORD_FIELDS}, the record being the root. */
    static final ObjectWriter RECORD = writer(DocumentFields.RECORDS + ".", DocumentFields.MATCHED_RECORD_FIELDS);

    /** {@code root}: the path of the object written, as the paths in {@code fields} name it. */
    private static ObjectWriter writer(String root, List<String> fields) {
        return CUTTING.writer(new SimpleFilterProvider().addFilter(CUT, new Cut(root, fields)));
    }

    static String write(ObjectWriter card, Object value) {
        try {
            return card.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a property whose path is one of {@code fields}, lies under one, or leads to one. */
    private static final class Cut extends SimpleBeanPropertyFilter {

        private final String root;
        private final List<String> fields;

        Cut(String root, List<String> fields) {
            this.root = root;
            this.fields = fields;
        }

        @Override
        public void serializeAsField(Object pojo, JsonGenerator gen, SerializerProvider provider, PropertyWriter writer) throws Exception {
            var path = path(gen.getOutputContext()) + writer.getName();
            if (fields.stream().anyMatch(f -> f.equals(path) || f.startsWith(path + ".") || path.startsWith(f + "."))) {
                writer.serializeAsField(pojo, gen, provider);
            }
        }

        /** The root and the names of the objects around the one being written ("records.", "mentoring."), arrays skipped. */
        private String path(JsonStreamContext context) {
            var names = new ArrayDeque<String>();
            for (var c = context.getParent(); c != null; c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    names.push(c.getCurrentName());
                }
            }
            var path = new StringBuilder(root);
            names.forEach(name -> path.append(name).append('.'));
            return path.toString();
        }
    }

    private HitCards() {
    }
}
