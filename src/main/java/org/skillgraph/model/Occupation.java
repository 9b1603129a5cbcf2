package org.skillgraph.model;

import java.util.List;

/**
 * The occupation a document describes.
 *
 * @param soc O*NET-SOC code {@code NN-NNNN.NN}
 * @param title occupation title
 * @param group SOC major group name, or {@code null}
 * @param sector NAICS sector code, or {@code null}
 * @param jobZone O*NET job zone 1–5, or {@code null}
 * @param jobZoneLabel the job zone's name ({@code Considerable Preparation}), or {@code null}
 * @param jobZoneInferred whether the job zone was inferred, or {@code null} when not stated
 * @param relatedTitles alternative job titles, in source order
 */
public record Occupation(String soc, String title, String group, String sector, Integer jobZone,
                         String jobZoneLabel, Boolean jobZoneInferred, List<String> relatedTitles) {
    public Occupation {
        relatedTitles = List.copyOf(relatedTitles);
    }
}
