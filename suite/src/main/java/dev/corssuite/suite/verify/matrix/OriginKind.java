package dev.corssuite.suite.verify.matrix;

/** Why an origin is in the matrix: allowed by the policy, or one of the hostile shapes a sloppy check lets in. */
public enum OriginKind {
    ALLOWED("an origin the policy allows"),
    STRANGER("an unrelated origin"),
    NULL("the opaque origin null (sandboxed frame)"),
    PREFIX("look-alike: a prefix glued to the host"),
    SUFFIX("look-alike: the allowed host followed by another domain"),
    UNESCAPED_DOT("look-alike: a dot replaced by another character (a regex with an unescaped dot matches it)"),
    SPECIAL_CHARACTER("look-alike: the allowed host followed by a special character and another domain"),
    HTTP_VARIANT("the http:// variant of an https:// origin"),
    UNLISTED_SUBDOMAIN("a subdomain the policy does not list");

    private final String description;

    OriginKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
