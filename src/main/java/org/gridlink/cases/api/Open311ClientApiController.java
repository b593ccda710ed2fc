package org.gridlink.cases.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.cases.Open311Gateway;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The system admin registers Open311 clients; a client's key is shown once and stored only as a hash. */
@RestController
@RequestMapping("/api/v1/open311/clients")
@Tag(name = "Open311 GeoReport v2")
class Open311ClientApiController {

	private final Open311Gateway gateway;

	Open311ClientApiController(Open311Gateway gateway) {
		this.gateway = gateway;
	}

	record ClientRequest(@Nullable String name) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an Open311 client (ADMIN): answers {name, apiKey}; the key is shown only now")
	Map<String, String> create(@RequestBody ClientRequest request, @Parameter(hidden = true) CurrentUser user) {
		String key = gateway.createClient(user, request.name());
		return Map.of("name", request.name() == null ? "" : request.name().strip(), "apiKey", key);
	}

	@GetMapping
	@Operation(summary = "The registered Open311 clients (ADMIN), without keys")
	List<Open311Gateway.Open311Client> list(@Parameter(hidden = true) CurrentUser user) {
		return gateway.clients(user);
	}

	@PostMapping("/{name}/deactivate")
	@Operation(summary = "Switch a client's key off (ADMIN)")
	void deactivate(@PathVariable String name, @Parameter(hidden = true) CurrentUser user) {
		gateway.deactivateClient(user, name);
	}
}
