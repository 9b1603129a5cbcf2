package org.skillgraph.store;

import java.time.Instant;

/**
 * One entry of the change feed.
 *
 * @param sequence its position in the feed, from 1
 * @param type {@code create}, {@code update} or {@code delete}
 * @param object the framework or occupation that changed
 * @param kind {@code framework} or {@code occupation}
 * @param time when
 * @param graph the document graph the change came from
 */
public record Change(long sequence, String type, String object, String kind, Instant time, String graph) {
}
