package org.gridlink.platform.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The installable web app: its manifest and the service worker that keeps the field pages (home, case report,
 * screening work page, quarantine visits) for use without a signal. Both are served from the site's root so that the
 * worker's scope can be the whole site without a {@code Service-Worker-Allowed} header, with {@code no-cache} so a
 * new version is picked up at the next visit. Public: a browser fetches the manifest without cookies. What is kept,
 * for whom and how long: {@code static/js/sw.js} and docs/using.md.
 */
@Controller
class WebAppController {

	static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json;charset=UTF-8");

	@GetMapping(value = "/sw.js", produces = "text/javascript")
	ResponseEntity<byte[]> serviceWorker() throws IOException {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(JAVASCRIPT)
				.body(read("static/js/sw.js"));
	}

	@GetMapping(value = "/manifest.webmanifest")
	ResponseEntity<byte[]> manifest() throws IOException {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MANIFEST)
				.body(read("pwa/manifest.webmanifest"));
	}

	private static byte[] read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
	}
}
