package dev.dirprov.spec.drift;

/** Builds JSON pointers in the {@code #/a/b} form, escaping {@code ~} and {@code /} in each token (RFC 6901). */
final class Pointers {

    private Pointers() {
    }

    static String child(String base, String... tokens) {
        StringBuilder pointer = new StringBuilder(base);
        for (String token : tokens) {
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
