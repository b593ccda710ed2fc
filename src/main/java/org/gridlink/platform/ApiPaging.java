package org.gridlink.platform;

import org.springframework.data.domain.PageRequest;

/** The paging every list endpoint accepts: page 0 or more, size 1 to {@value #MAX_SIZE}; else a 400 with a message. */
@org.springframework.modulith.NamedInterface("api")
public final class ApiPaging {

	public static final int MAX_SIZE = 500;

	private ApiPaging() {
	}

	public static PageRequest of(int page, int size) {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("error.paging", MAX_SIZE);
		}
		return PageRequest.of(page, size);
	}
}
