package org.joinedup.recognition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Staff move a nominee to another place in a closed round's order, saying why. */
public record MoveInput(@NotNull Long leaderId, @NotNull @Min(1) @Max(100_000) Integer toPosition, @NotBlank @Size(max = 1000) String reason) {
}
