package org.gridlink.platform;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute addresses GridLink hands out (Open311 discovery and photo links, check-in links, links in messages) are
 * built from the configured public base URL ({@code gridlink.public-base-url}, {@code GRIDLINK_PUBLIC_URL}), never
 * from the request's {@code Host} header, which a client chooses. Production mode refuses to start without it.
 */
@Component
@org.springframework.modulith.NamedInterface("api")
public class PublicUrls {

	private final boolean configured;
	private volatile String base;

	PublicUrls(@Value("${gridlink.public-base-url:}") String configured, Environment environment) {
		String trimmed = configured.strip();
		this.configured = !trimmed.isEmpty();
		// only in demo mode: ProductionMode refuses to start without it; the port is the one the server really took
		this.base = valid(this.configured ? trimmed : "http://localhost:" + environment.getProperty("server.port", "8080"));
	}

	/** Without a configured address (demo mode), links name the port the server listens on (also a random one). */
	@org.springframework.context.event.EventListener
	void serverStarted(org.springframework.boot.web.server.context.WebServerInitializedEvent event) {
		if (!configured && event.getWebServer().getPort() > 0) {
			base = "http://localhost:" + event.getWebServer().getPort();
		}
	}

	/** The base URL followed by the path (which starts with {@code /}). */
	public String absolute(String path) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("a path starts with /: " + path);
		}
		return base + path;
	}

	private static String valid(String url) {
		URI uri = URI.create(url);
		if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getQuery() != null || uri.getFragment() != null) {
			throw new IllegalStateException("gridlink.public-base-url must be an http(s) address without query: " + url);
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
