package org.gridlink.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Remembers, for every link a page writes, what the static resource chain made of it, found or not. With the WebJars
 * locator on the class path the resource chain is on, and every {@code @{...}} link of a page passes through it (the
 * resource URL encoding filter): the pattern {@code /**} of the static files matches every path, so a link to
 * {@code /cases/4711} is looked up as a file in four class path locations inside the jar. Spring caches only the links
 * it found; the others (nearly all links of a page) were looked up again on every page, which cost about two thirds of
 * the CPU of the case list (bench/RESULTS.md, "Pages under load (issue 11)"). This resolver, put first in each resource
 * handler's chain, caches both answers for the URL only; serving a resource is unchanged. The static resources are in
 * the jar and do not change while the application runs; the cache is bounded (links with ids are many).
 */
@Component
class StaticLinkCache implements SmartInitializingSingleton {

	static final int MAX_LINKS = 20_000;

	private final ApplicationContext context;

	StaticLinkCache(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void afterSingletonsInstantiated() {
		context.getBeansOfType(SimpleUrlHandlerMapping.class).values().forEach(mapping -> mapping.getHandlerMap()
				.values().forEach(handler -> {
					if (handler instanceof ResourceHttpRequestHandler resources) {
						List<ResourceResolver> resolvers = new ArrayList<>(resources.getResourceResolvers());
						if (resolvers.stream().noneMatch(Resolver.class::isInstance)) {
							// the handler's own chain for serving was built from the list already; the URL
							// provider builds a chain from the list for each link, so it asks this one first
							resolvers.add(0, new Resolver());
							resources.setResourceResolvers(resolvers);
						}
					}
				}));
	}

	/** Caches {@link #resolveUrlPath} per resource path (for one handler, so for its locations); nothing else. */
	static final class Resolver implements ResourceResolver {

		private final Cache<String, Optional<String>> urls = Caffeine.newBuilder().maximumSize(MAX_LINKS).build();

		@Override
		public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return chain.resolveResource(request, requestPath, locations);
		}

		@Override
		public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return urls.get(resourcePath, path -> Optional.ofNullable(chain.resolveUrlPath(path, locations)))
					.orElse(null);
		}
	}
}
