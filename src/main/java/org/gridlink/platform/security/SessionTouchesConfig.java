package org.gridlink.platform.security;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Puts {@link SessionTouches} in front of the JDBC session store that Spring Boot configures: the store bean is
 * replaced by the wrapper once it is ready, so the session filter, {@code Accounts} (ending an account's sessions) and
 * the actuator use it, while the store keeps its own configuration, clean-up and shutdown. (A session repository bean
 * of our own would switch Boot's JDBC session configuration off.) {@code gridlink.session.touch-every} (60 s): how far
 * a session's last access time must have moved before a request writes it.
 */
@Configuration(proxyBeanMethods = false)
class SessionTouchesConfig {

	@Bean
	static BeanPostProcessor sessionTouches(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository store) {
					Duration every = environment.getProperty("gridlink.session.touch-every", Duration.class,
							Duration.ofSeconds(60));
					return new SessionTouches<>(store, every);
				}
				return bean;
			}
		};
	}
}
