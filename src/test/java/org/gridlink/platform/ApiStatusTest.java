package org.gridlink.platform;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** An idempotent create answers 201 the first time and 200 with the same body after. */
class ApiStatusTest {

	@Test
	void createdIs201AndAlreadyThereIs200WithTheSameBody() {
		ResponseEntity<String> created = ApiStatus.createdOrOk(true, "saved");
		ResponseEntity<String> again = ApiStatus.createdOrOk(false, "saved");
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(created.getBody()).isEqualTo("saved");
		assertThat(again.getBody()).isEqualTo("saved");
	}
}
