package org.gridlink.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * One page of a long list whose total may be an estimate and which may be continued by a keyset cursor.
 * <p>
 * A list of a million rows does not count them for every page: above a module's threshold the total comes from
 * counters or a sample and {@link #isTotalEstimated()} is true (pages say "about N"). {@link #next()} is the cursor
 * of the page after this one ({@code after=} in the API), or null on the last page; a page read by cursor has no
 * meaningful page number ({@link #isKeyset()}).
 */
@org.springframework.modulith.NamedInterface("api")
public class ListPage<T> extends PageImpl<T> {

	private final boolean totalEstimated;
	private final @Nullable String next;
	private final boolean keyset;

	public ListPage(List<T> content, Pageable pageable, long total, boolean totalEstimated, @Nullable String next,
			boolean keyset) {
		super(content, pageable, total);
		this.totalEstimated = totalEstimated;
		this.next = next;
		this.keyset = keyset;
	}

	/** True when {@link #getTotalElements()} is an estimate ("about N"), not an exact count. */
	public boolean isTotalEstimated() {
		return totalEstimated;
	}

	/** The cursor of the next page ({@code after=}), null when this is the last page. */
	public @Nullable String next() {
		return next;
	}

	/** True when this page was read after a cursor rather than by page number. */
	public boolean isKeyset() {
		return keyset;
	}

	@Override
	public boolean hasNext() {
		return next != null || (!keyset && super.hasNext());
	}

	/** The JSON of a list page in the API: the fields of Spring's paged model, the estimate flag and the cursor. */
	public Json<T> json() {
		return new Json<>(getContent(), new Json.Page(getSize(), keyset ? null : (long) getNumber(), getTotalElements(),
				getTotalPages(), totalEstimated), next);
	}

	/**
	 * {@code content}, {@code page} (as Spring's paged model, plus {@code totalEstimated}; {@code number} is null for
	 * a page read by cursor) and {@code next}, the cursor to pass as {@code after} for the following page.
	 */
	public record Json<T>(List<T> content, Page page, @Nullable String next) {

		public record Page(long size, @Nullable Long number, long totalElements, long totalPages,
				boolean totalEstimated) {
		}
	}
}
