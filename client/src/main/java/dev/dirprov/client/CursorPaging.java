package dev.dirprov.client;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a cursor-paginated list ({@code from} in, {@code next} out) lazily: a page is fetched only when the
 * items before it have been consumed, and the walk stops at the page without a {@code next}.
 *
 * <pre>{@code
 * Stream<DirectoryProvisioning> all = CursorPaging.stream(
 *     from -> api.listDirectoryProvisionings(from, 100),
 *     ListDirectoryProvisioningsResponseContent::getDirectoryProvisionings,
 *     ListDirectoryProvisioningsResponseContent::getNext);
 * }</pre>
 *
 * <p>Works for every list operation of the spec; nothing here knows a particular one. A server cannot make a
 * walk endless: a cursor that comes back a second time (a page pointing to itself or to an earlier page) and
 * more than {@value #MAX_EMPTY_PAGES} empty pages in a row end it with a {@link ManagementApiException}.
 */
public final class CursorPaging {

  /** The most empty pages in a row a walk fetches before it gives up: 16. */
  static final int MAX_EMPTY_PAGES = 16;

  private CursorPaging() {
  }

  /**
   * The items of every page, in order, as a lazy sequential stream.
   *
   * @param fetch fetches the page that starts at a cursor ({@code null} for the first page)
   * @param items the items of a page ({@code null} is read as none)
   * @param next the cursor of the following page, {@code null} or empty on the last page
   * @param <P> the page type
   * @param <T> the item type
   * @return a stream that calls {@code fetch} only as it is consumed
   */
  public static <P, T> Stream<T> stream(Function<String, P> fetch, Function<P, List<T>> items,
      Function<P, String> next) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
        new PageIterator<>(fetch, items, next), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * The items of every page as an {@link Iterable}; each iteration starts again at the first page.
   *
   * @param fetch fetches the page that starts at a cursor ({@code null} for the first page)
   * @param items the items of a page ({@code null} is read as none)
   * @param next the cursor of the following page, {@code null} or empty on the last page
   * @param <P> the page type
   * @param <T> the item type
   * @return an iterable that fetches pages only as it is iterated
   */
  public static <P, T> Iterable<T> iterable(Function<String, P> fetch, Function<P, List<T>> items,
      Function<P, String> next) {
    Objects.requireNonNull(fetch, "fetch == null");
    Objects.requireNonNull(items, "items == null");
    Objects.requireNonNull(next, "next == null");
    return () -> new PageIterator<>(fetch, items, next);
  }

  private static final class PageIterator<P, T> implements Iterator<T> {
    private final Function<String, P> fetch;
    private final Function<P, List<T>> items;
    private final Function<P, String> next;
    private Iterator<T> current = List.<T>of().iterator();
    private final Set<String> seen = new HashSet<>();
    private String cursor;
    private boolean lastPageFetched;
    private int emptyPages;

    PageIterator(Function<String, P> fetch, Function<P, List<T>> items, Function<P, String> next) {
      this.fetch = Objects.requireNonNull(fetch, "fetch == null");
      this.items = Objects.requireNonNull(items, "items == null");
      this.next = Objects.requireNonNull(next, "next == null");
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && !lastPageFetched) {
        if (emptyPages >= MAX_EMPTY_PAGES) {
          throw new ManagementApiException("The list sent " + emptyPages + " empty pages in a row, the last "
              + "pointing to cursor " + cursor + "; stopped", ManagementApiException.ErrorResponseDetails.none(),
              null);
        }
        fetchPage();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more pages");
      }
      return current.next();
    }

    private void fetchPage() {
      P page = fetch.apply(cursor);
      if (page == null) {
        throw new IllegalStateException("fetch returned no page for cursor " + cursor);
      }
      List<T> pageItems = items.apply(page);
      current = pageItems == null ? List.<T>of().iterator() : pageItems.iterator();
      emptyPages = current.hasNext() ? 0 : emptyPages + 1;
      String following = next.apply(page);
      lastPageFetched = following == null || following.isEmpty();
      if (!lastPageFetched && !seen.add(following)) {
        // A server that hands back a cursor it gave before would otherwise repeat the same pages forever.
        throw new ManagementApiException("The list's cursor " + following + " came back after the page at "
            + (cursor == null ? "the start" : "cursor " + cursor) + ": the pages form a cycle; stopped",
            ManagementApiException.ErrorResponseDetails.none(), null);
      }
      cursor = following;
    }
  }
}
