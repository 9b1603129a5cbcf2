package org.skillgraph.model;

/**
 * A value the importer kept but could not interpret with confidence.
 *
 * @param code a stable short code ({@code topic-split-unsure})
 * @param message what is doubtful, for a person
 * @param location where in the file (line or JSON pointer)
 */
public record Flag(String code, String message, String location) {
}
