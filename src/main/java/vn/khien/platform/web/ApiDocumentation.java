package vn.khien.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document at /api/docs: every call takes a bearer token from POST
 * /api/v1/auth/token.
 */
@Configuration
class ApiDocumentation {

	@Bean
	OpenAPI khienOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Khiên API")
				.version("v1")
				.description("Information security of the province's agencies. Errors are RFC 9457 problem details "
						+ "in the caller's language (Accept-Language: vi or en); lists take page, size, sort.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
