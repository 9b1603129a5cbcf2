package org.skillgraph.read;

import java.util.List;
import org.skillgraph.model.Flag;

/**
 * A statement written "Topic — description", split at its {@code ' — '}, the separator both source formats use;
 * the one rule for every reader that splits there. A text whose separator leaves nothing to read on one side
 * (white space or invisible characters only) is kept whole and flagged {@code topic-split-missing}; one with more
 * than one separator is split at the first (a topic is a short name; a description may hold a dash of its own) and
 * flagged {@code topic-split-unsure}, since another split could be meant.
 */
record DashSplit(String topic, String description, List<Flag> flags) {
    static final String SEPARATOR = " \u2014 ";

    /** The split of the (stripped) text, or null when it has no separator after its first character. */
    static DashSplit of(String text, String location) {
        int dash = text.indexOf(SEPARATOR);
        if (dash <= 0) {
            return null;
        }
        String topic = text.substring(0, dash).strip();
        String description = text.substring(dash + SEPARATOR.length()).strip();
        if (Characters.isBlank(topic) || Characters.isBlank(description)) {
            return new DashSplit(text, null, List.of(new Flag("topic-split-missing", "nothing to read on one side of ' "
                    + "\u2014 ' (only white space or invisible characters); kept the whole text as the statement's "
                    + "text, with no topic", location)));
        }
        if (description.contains(SEPARATOR)) {
            return new DashSplit(topic, description, List.of(new Flag("topic-split-unsure", "more than one ' \u2014 ': "
                    + "split at the first, topic '" + topic + "', the rest the description", location)));
        }
        return new DashSplit(topic, description, List.of());
    }
}
