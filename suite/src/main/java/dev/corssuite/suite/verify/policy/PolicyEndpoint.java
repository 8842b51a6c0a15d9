package dev.corssuite.suite.verify.policy;

import java.util.List;

/** A path of the server to exercise and the methods to try there. */
public record PolicyEndpoint(String path, List<String> methods) {
    public PolicyEndpoint {
        methods = List.copyOf(methods);
    }
}
