package org.skillgraph.store;

/**
 * Data under one base URI for a store that holds data under another ({@link GraphStore#requireBase}). The store
 * itself can be used, with its own base: this is the user's mistake, not a {@link StoreException}. The message is
 * meant for the user.
 */
public class BaseMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BaseMismatchException(String message) {
        super(message);
    }
}
