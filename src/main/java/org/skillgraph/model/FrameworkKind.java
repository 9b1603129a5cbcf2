package org.skillgraph.model;

/** The three kinds of framework a document can hold. */
public enum FrameworkKind {
    /** What a worker in the occupation does at each proficiency level. */
    OCCUPATIONAL("occupational", "Occupational skills framework"),
    /** How a worker at each level uses, directs and evaluates AI tools. */
    AI_USAGE("ai-usage", "AI usage framework"),
    /** Ten durable-skill domains mapped to four levels. */
    DURABLE_SKILLS("durable-skills", "Durable skills framework");

    private final String slug;
    private final String label;

    FrameworkKind(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    /** The URI path segment of this kind. */
    public String slug() {
        return slug;
    }

    /** A human-readable name of this kind of framework. */
    public String label() {
        return label;
    }
}
