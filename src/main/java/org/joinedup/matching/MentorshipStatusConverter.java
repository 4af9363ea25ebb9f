package org.joinedup.matching;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class MentorshipStatusConverter implements AttributeConverter<MentorshipStatus, String> {

    @Override
    public String convertToDatabaseColumn(MentorshipStatus status) {
        return status == null ? null : status.code;
    }

    @Override
    public MentorshipStatus convertToEntityAttribute(String code) {
        return code == null ? null : MentorshipStatus.fromCode(code).orElseThrow();
    }
}
