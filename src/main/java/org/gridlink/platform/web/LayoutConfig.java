package org.gridlink.platform.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link LayoutModel} for every page and the {@link CurrentUserArgumentResolver} for controllers. */
@Configuration
class LayoutConfig implements WebMvcConfigurer {

	private final LayoutModel layout;

	LayoutConfig(LayoutModel layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new NoNulCharacters());
		registry.addInterceptor(layout);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CurrentUserArgumentResolver());
	}
}
