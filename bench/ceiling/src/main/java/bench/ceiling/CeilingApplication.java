package bench.ceiling;

import java.time.OffsetDateTime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /ping} answers about 60 bytes of JSON: the most a Spring Boot request can be asked to do. */
@SpringBootApplication
@RestController
public class CeilingApplication {

	record Pong(String status, String service, OffsetDateTime at) {
	}

	@GetMapping("/ping")
	Pong ping() {
		return new Pong("UP", "ceiling", OffsetDateTime.now());
	}

	public static void main(String[] args) {
		SpringApplication.run(CeilingApplication.class, args);
	}
}
