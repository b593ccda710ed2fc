package org.gridlink.platform.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Registers {@link UploadLimitFilter} ahead of the security filters: {@code gridlink.upload.max-size} for every
 * upload, {@code gridlink.upload.bulk-max-size} for the bulk data imports under {@code gridlink.upload.bulk-paths},
 * {@code gridlink.upload.photo-max-size} for the photo uploads matching {@code gridlink.upload.photo-paths} (path
 * patterns, {@code *} for one segment or part of one) (the container's multipart limit,
 * {@code spring.servlet.multipart.*}, is set to the largest one); and {@link PageBufferFilter} (a page's response
 * buffer, so that the session is saved once per page).
 */
@Configuration
class UploadLimitConfig {

	@Bean
	FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(
			@Value("${gridlink.upload.max-size:1MB}") DataSize maxFileSize,
			@Value("${gridlink.upload.bulk-max-size:200MB}") DataSize bulkMaxSize,
			@Value("${gridlink.upload.bulk-paths:/residents/imports,/api/v1/residents/imports}") List<String> bulkPaths,
			@Value("${gridlink.upload.photo-max-size:11MB}") DataSize photoMaxSize,
			@Value("${gridlink.upload.photo-paths:/api/v1/cases/*/photos,/cases/*/photos,/open311/v2/requests.*}")
			List<String> photoPaths) {
		FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(
				new UploadLimitFilter(maxFileSize.toBytes(), bulkMaxSize.toBytes(), bulkPaths, photoMaxSize.toBytes(),
						photoPaths));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** {@link PageBufferFilter}, ahead of the session filter ({@code SessionRepositoryFilter.DEFAULT_ORDER}). */
	@Bean
	FilterRegistrationBean<PageBufferFilter> pageBufferFilter(
			@Value("${gridlink.web.page-buffer:64KB}") DataSize pageBuffer) {
		FilterRegistrationBean<PageBufferFilter> registration = new FilterRegistrationBean<>(
				new PageBufferFilter((int) pageBuffer.toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}
}
