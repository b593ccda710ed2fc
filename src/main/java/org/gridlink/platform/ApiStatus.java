package org.gridlink.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer of an idempotent create (a client id sent again, a case opened exactly once): 201 Created the first
 * time, 200 OK with the same body when it was already there.
 */
@org.springframework.modulith.NamedInterface("api")
public final class ApiStatus {

	private ApiStatus() {
	}

	public static <T> ResponseEntity<T> createdOrOk(boolean created, T body) {
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}
}
