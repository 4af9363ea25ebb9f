package org.joinedup.recognition;

import jakarta.validation.constraints.Size;

/** The short citation published with a selected nominee (blank or null removes it). */
public record CitationInput(@Size(max = 600) String citation) {
}
