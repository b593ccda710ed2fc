package org.gridlink.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Registers {@link UploadLimitFilter} ahead of the security filters, at the configured multipart file limit. */
@Configuration
class UploadLimitConfig {

	@Bean
	FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(
				new UploadLimitFilter(maxFileSize.toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}
}
