package org.skillgraph.model;

/** The kinds of O*NET anchor a page lists, with the heading it uses. */
public enum AnchorKind {
    SKILL("skill", "O*NET skills"),
    KNOWLEDGE("knowledge", "Knowledge domains"),
    ABILITY("ability", "Abilities"),
    WORK_STYLE("work-style", "Work styles"),
    TECHNOLOGY("technology", "Technology"),
    TASK("task", "Tasks"),
    APPRENTICESHIP("apprenticeship", "RAPIDS apprenticeships");

    private final String slug;
    private final String heading;

    AnchorKind(String slug, String heading) {
        this.slug = slug;
        this.heading = heading;
    }

    /** The URI path segment of this kind. */
    public String slug() {
        return slug;
    }

    /** The heading of this kind's list on an NSX page. */
    public String heading() {
        return heading;
    }
}
