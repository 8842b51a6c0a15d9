package dev.corssuite.suite.browser;

/**
 * Runs a cleanup when the JVM exits (Ctrl-C, SIGTERM, a crash of the run) unless it was cancelled first, so what the
 * suite started never outlives it.
 */
final class ExitCleanup {
    private final Thread hook;

    ExitCleanup(String name, Runnable cleanup) {
        this.hook = new Thread(cleanup, name + "-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            cleanup.run();
        }
    }

    /** The cleanup ran by other means; the JVM need not run it again. */
    void cancel() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run
        }
    }
}
