package vn.hatang.cli.report;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import vn.hatang.cli.check.CheckService;
import vn.hatang.core.check.InputError;

/**
 * One folder's walk, shared out by the entries of the folder itself between the threads that call
 * {@link #work}: the walker thread, and the command's own thread once it wants the listing rather
 * than wait for it. The listing is the one {@link CheckService#jsonFiles} makes: each entry is
 * walked as that walk would walk it, the files sorted at the end, the errors in the order that walk
 * meets them (each entry's in the folder's order).
 *
 * <p>One difference, in a case no test can make: an error while a sub-folder is being listed (not
 * opened: read) ends that walk altogether, and here only that entry's.
 */
final class SharedWalk {
  private final Path root;
  private final String shown;
  private final CompletableFuture<FolderWalks.Listing> listing = new CompletableFuture<>();

  /** The folder's entries in its own order; {@code null} until the first {@link #work} lists it. */
  private Path[] entries;

  private List<Path>[] files;
  private List<InputError>[] errors;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();

  SharedWalk(Path root, String shown) {
    this.root = root;
    this.shown = shown;
  }

  /** The listing, complete once every entry is walked. */
  CompletableFuture<FolderWalks.Listing> listing() {
    return listing;
  }

  /**
   * Walks entries not taken by another thread until none is left; the thread that finishes the last
   * one completes the listing. Returns at once when the walk is done or failed.
   */
  void work() {
    try {
      if (!listed()) {
        return;
      }
      int i;
      while ((i = next.getAndIncrement()) < entries.length) {
        List<Path> f = new ArrayList<>();
        List<InputError> e = new ArrayList<>();
        CheckService.walk(entries[i], f, e, shown);
        files[i] = f;
        errors[i] = e;
        if (done.incrementAndGet() == entries.length) {
          finish();
        }
      }
    } catch (RuntimeException | Error x) {
      listing.completeExceptionally(x);
    }
  }

  /**
   * Lists the folder's entries once. A folder that is not plainly one (a link to one, which the
   * walk does not follow), or that cannot be listed to its end, is walked whole, on this thread, as
   * before.
   *
   * @return whether there are entries to share (otherwise the listing is complete)
   */
  @SuppressWarnings("unchecked")
  private synchronized boolean listed() {
    if (entries != null) {
      return true;
    }
    if (listing.isDone()) {
      return false;
    }
    List<Path> found = new ArrayList<>();
    boolean whole = !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS);
    if (!whole) {
      try (DirectoryStream<Path> in = Files.newDirectoryStream(root)) {
        for (Path entry : in) {
          found.add(entry);
        }
      } catch (IOException | DirectoryIteratorException e) {
        whole = true;
      }
    }
    if (whole || found.isEmpty()) {
      List<InputError> errs = new ArrayList<>();
      List<Path> all = CheckService.jsonFiles(root, errs, shown);
      listing.complete(new FolderWalks.Listing(all, errs));
      return false;
    }
    entries = found.toArray(new Path[0]);
    files = new List[entries.length];
    errors = new List[entries.length];
    return true;
  }

  private void finish() {
    List<Path> all = new ArrayList<>();
    List<InputError> errs = new ArrayList<>();
    for (int i = 0; i < entries.length; i++) {
      all.addAll(files[i]);
      errs.addAll(errors[i]);
    }
    all.sort(null);
    listing.complete(new FolderWalks.Listing(all, errs));
  }
}
