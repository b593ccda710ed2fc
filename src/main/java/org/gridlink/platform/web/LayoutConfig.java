package org.gridlink.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link LayoutModel} for every page. */
@Configuration
class LayoutConfig implements WebMvcConfigurer {

	private final LayoutModel layout;

	LayoutConfig(LayoutModel layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(layout);
	}
}
