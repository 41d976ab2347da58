package dev.dirprov.spec.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The check behind the rendered reference: a page that fetches anything from the network is rejected. */
class SelfContainedPageTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script src=\"https://cdn.jsdelivr.net/npm/jquery.min.js\"></script>",
        "<script type='text/javascript' src='//code.jquery.com/jquery.js'></script>",
        "<link rel=\"stylesheet\" href=\"https://cdn.example.com/bootstrap.css\">",
        "<img alt=\"logo\" src=\"http://example.com/logo.png\">",
        "<iframe src=\"https://example.com/embed\"></iframe>",
        "<style>@import url('https://fonts.googleapis.com/css?family=Source+Code+Pro');</style>",
        "<style>@import \"https://example.com/theme.css\";</style>",
        "<div style=\"background: url(https://example.com/bg.png)\"></div>",
        "<p>![diagram](https://example.com/diagram.png)</p>"
    })
    void rejectsAPageThatFetchesFromTheNetwork(String fetch) {
        String page = "<html><head><title>API</title></head><body>\n" + fetch + "\n</body></html>";

        assertThat(SelfContainedPage.networkResources(page)).singleElement().asString().startsWith("line 2: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<a href=\"https://github.com/dirprov/dirprov\">source</a>",
        "<script>var x = 1;</script><style>body { font-family: monospace; }</style>",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\"><link rel=\"icon\" href=\"#\">",
        "<p>See https://example.com for details.</p>"
    })
    void acceptsInlineContentAndLinksAReaderMayFollow(String content) {
        String page = "<html><body>" + content + "</body></html>";

        assertThat(SelfContainedPage.networkResources(page)).isEmpty();
    }
}
