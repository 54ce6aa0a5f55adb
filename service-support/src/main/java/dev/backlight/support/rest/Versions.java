package dev.backlight.support.rest;

import dev.backlight.support.problem.ApiException;

/**
 * Optimistic concurrency over HTTP: every {@link Versioned} answer carries {@code ETag: "<version>"} ({@link VersionTags}),
 * and a change or deletion that sends {@code If-Match} is refused with 412 unless the object is still at that version,
 * so the last writer never silently overwrites a change it has not seen.
 */
public final class Versions {

    /** What OpenAPI says of the header wherever it is taken. */
    public static final String IF_MATCH_DESCRIPTION = "The ETag of the version you read; 412 when the object changed "
            + "since. Without it the change applies to whatever version is current.";

    private Versions() {
    }

    /**
     * The version of an object that reads as defaults until first stored (settings, a month's figures): 0 while never
     * stored, so that even the first write can be made conditional, then one more than the stored version.
     */
    public static long ofSettable(boolean stored, long storedVersion) {
        return stored ? storedVersion + 1 : 0;
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Fails with 412 unless {@code ifMatch} (when sent) names {@code current}; {@code *} matches any version. */
    public static void checkIfMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(etag(current))) {
                return;
            }
        }
        throw ApiException.preconditionFailed(etag(current));
    }
}
