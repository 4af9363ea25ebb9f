package org.joinedup.introduction;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record IntroductionInput(@NotNull Long leaderId, @Size(max = 2000) String message) {
}
