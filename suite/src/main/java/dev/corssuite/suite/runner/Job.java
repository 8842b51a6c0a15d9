package dev.corssuite.suite.runner;

/**
 * One thing to run in a browser: a table row or a request of a verify matrix. {@code key} names its result; jobs of
 * one {@code group} share script calls (verify groups by endpoint, so a hanging endpoint cannot starve the others);
 * {@link #stage} makes it runnable in one engine's session.
 */
public interface Job {
    String key();

    String group();

    /** Prepares the job for one engine (answers registered, a probe id unique to that engine). */
    Staged stage(String engine);

    /**
     * About how long the job waits on purpose (between its requests, for a slow answer, for a beacon to land): jobs
     * of a group that wait share the group's first script call, so their waits overlap instead of adding up.
     */
    default long waitsMs() {
        return 0;
    }
}
