package org.gridlink.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description at /v3/api-docs: HTTP Basic or an API token (Bearer) on every /api/v1 operation. */
@Configuration
class OpenApiConfig {

	@Bean
	OpenAPI gridlinkOpenApi() {
		return new OpenAPI()
				.info(new Info().title("GridLink API").version("v1").description(
						"GridLink 网格联动 integration API. Every answer is limited to the caller's jurisdiction scope. "
								+ "Errors are {\"code\",\"message\"} in the language of Accept-Language (zh-CN default)."))
				.components(new Components()
						.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
						.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
								.description("API token created at /account/tokens or POST /api/v1/tokens")))
				.addSecurityItem(new SecurityRequirement().addList("basic"))
				.addSecurityItem(new SecurityRequirement().addList("token"));
	}
}
