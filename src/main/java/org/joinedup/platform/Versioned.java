package org.joinedup.platform;

/** A resource under optimistic locking: its {@code version} goes up with every change, and is its ETag (see {@link ETags}). */
public interface Versioned {

    int version();
}
