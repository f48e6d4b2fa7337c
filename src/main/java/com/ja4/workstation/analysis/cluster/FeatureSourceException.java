package com.ja4.workstation.analysis.cluster;

/** Feature rows could not be read (query failed, file unreadable); the message says why. */
public final class FeatureSourceException extends Exception {
    public FeatureSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeatureSourceException(String message) {
        super(message);
    }
}
