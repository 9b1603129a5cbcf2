package org.skillgraph.model;

import java.math.BigDecimal;

/**
 * One evidence metric.
 *
 * @param group the group heading ({@code AEI usage})
 * @param name the metric's name ({@code Augment share})
 * @param raw the value as written ({@code 18.4%})
 * @param number the numeric value ({@code 18.4}), or {@code null} for a text value
 * @param unit what the number measures
 * @param text the text value, or {@code null} for a numeric value
 * @param location where in the file
 */
public record Metric(String group, String name, String raw, BigDecimal number, Unit unit, String text,
                     String location) {

    /** Units of evidence metrics. */
    public enum Unit {
        /** A count of things. */
        COUNT,
        /** A percentage 0–100. */
        PERCENT,
        /** A score out of 100. */
        SCORE_OF_100,
        /** A plain number without a unit. */
        NUMBER,
        /** Not a number. */
        TEXT
    }
}
