package org.joinedup.leader;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class VisibilityConverter implements AttributeConverter<Visibility, String> {

    @Override
    public String convertToDatabaseColumn(Visibility visibility) {
        return visibility == null ? null : visibility.code;
    }

    @Override
    public Visibility convertToEntityAttribute(String code) {
        return code == null ? null : Visibility.fromCode(code).orElseThrow();
    }
}
