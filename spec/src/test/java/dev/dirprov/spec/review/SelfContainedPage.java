package dev.dirprov.spec.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a browser would fetch from the network to show an HTML page: scripts, stylesheets, images,
 * frames, CSS {@code url()} and {@code @import} with an {@code http:}, {@code https:} or protocol-relative
 * address. Links a reader may click ({@code <a href>}) are not fetched and are allowed.
 *
 * <pre>{@code
 * List<String> fetched = SelfContainedPage.networkResources(Files.readString(page));
 * }</pre>
 */
final class SelfContainedPage {

    private static final String REMOTE = "\\s*[\"']?\\s*(?:https?:)?//";
    private static final List<Pattern> FETCHES = List.of(
            Pattern.compile("(?i)<(?:script|img|iframe|frame|embed|source|audio|video|track|input)\\b[^>]*?\\bsrc\\s*="
                    + REMOTE),
            Pattern.compile("(?i)<link\\b[^>]*?\\bhref\\s*=" + REMOTE),
            Pattern.compile("(?i)<object\\b[^>]*?\\bdata\\s*=" + REMOTE),
            Pattern.compile("(?i)\\burl\\(" + REMOTE),
            Pattern.compile("(?i)@import\\s+" + REMOTE),
            Pattern.compile("!\\[[^]\\n]*]\\(" + REMOTE));

    private SelfContainedPage() {
    }

    /** Each network fetch in {@code html}, as {@code line N: <the matching text>}; empty for a self-contained page. */
    static List<String> networkResources(String html) {
        List<String> found = new ArrayList<>();
        for (Pattern fetch : FETCHES) {
            Matcher matcher = fetch.matcher(html);
            while (matcher.find()) {
                int line = 1 + (int) html.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
                String text = html.substring(matcher.start(), Math.min(html.length(), matcher.end() + 60));
                found.add("line " + line + ": " + text.replaceAll("\\s+", " "));
            }
        }
        return found;
    }
}
