package org.gridlink.platform.replica;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.StringUtils;

/**
 * Read-only pages on a streaming replica, when {@code gridlink.replica.url} (GRIDLINK_REPLICA_URL) is set; without it
 * this configuration does not exist and Spring Boot's single data source is used as before (the default, tests, the
 * demo).
 * <p>
 * Beans: {@code primaryDataSource} (Hikari on {@code spring.datasource.*}, also Flyway's), and the application's
 * {@code dataSource}: a {@link LazyConnectionDataSourceProxy} over a {@link ReplicaRoutingDataSource} that owns the
 * replica's pool (not a bean of its own, so that a replica that is down does not make the application's health DOWN;
 * the {@code replica} health indicator reports it). Transactions, JdbcClient, sessions, schedulers use
 * {@code dataSource}: everything that is not a read-only transaction of a page request goes to the primary.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReplicaDataSourceConfiguration.ReplicaConfigured.class)
class ReplicaDataSourceConfiguration {

	static final String URL = "gridlink.replica.url";

	static class ReplicaConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty(URL));
		}
	}

	@Bean
	@FlywayDataSource
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource primaryDataSource(DataSourceProperties properties) {
		HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		primary.setPoolName("primary");
		return primary;
	}

	@Bean
	@Primary
	DataSource dataSource(HikariDataSource primaryDataSource, DataSourceProperties properties,
			ObjectProvider<MeterRegistry> meters, @Value("${" + URL + "}") String url,
			@Value("${gridlink.replica.username:}") String username,
			@Value("${gridlink.replica.password:}") String password,
			@Value("${gridlink.replica.pool-size:0}") int poolSize,
			@Value("${gridlink.replica.connect-timeout:PT1S}") Duration connectTimeout,
			@Value("${gridlink.replica.max-lag:PT10S}") Duration maxLag,
			@Value("${gridlink.replica.check-every:PT2S}") Duration checkEvery,
			@Value("${gridlink.replica.read-your-writes:PT15S}") Duration readYourWrites) {
		if (readYourWrites.compareTo(maxLag.plus(checkEvery)) < 0) {
			// a replica in use is at most max-lag behind when checked, and up to check-every more until the next check
			throw new IllegalStateException("gridlink.replica.read-your-writes (" + readYourWrites
					+ ") must be at least gridlink.replica.max-lag + gridlink.replica.check-every (" + maxLag + " + "
					+ checkEvery + "): a session could otherwise read the replica before its own write is there");
		}
		HikariDataSource replica = new HikariDataSource();
		replica.setPoolName("replica");
		replica.setJdbcUrl(url);
		replica.setUsername(StringUtils.hasText(username) ? username : properties.determineUsername());
		replica.setPassword(StringUtils.hasText(username) ? password : properties.determinePassword());
		replica.setMaximumPoolSize(poolSize > 0 ? poolSize : primaryDataSource.getMaximumPoolSize());
		replica.setMinimumIdle(1);
		replica.setReadOnly(true);
		// a replica that is down must not hold up the pages: fail fast, fall back to the primary
		replica.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
		replica.setValidationTimeout(Math.max(250, connectTimeout.toMillis() / 2));
		replica.setInitializationFailTimeout(-1);
		Clock clock = Clock.systemUTC();
		ReplicaProbe probe = url.startsWith("jdbc:postgresql:") ? ReplicaProbe.postgres(primaryDataSource, replica, clock)
				: ReplicaProbe.liveness(replica, clock);
		ReplicaRoutingDataSource routing = new ReplicaRoutingDataSource(primaryDataSource, replica,
				new ReplicaMonitor(probe, clock, checkEvery), clock, maxLag, readYourWrites,
				meters.getIfAvailable(SimpleMeterRegistry::new));
		return new ReplicaDataSource(routing, replica);
	}

	/** The application's data source: lazy connections over the routing, closing the replica's pool at the end. */
	static class ReplicaDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

		private final HikariDataSource replica;

		ReplicaDataSource(ReplicaRoutingDataSource routing, HikariDataSource replica) {
			super(routing);
			this.replica = replica;
		}

		ReplicaRoutingDataSource routing() {
			return (ReplicaRoutingDataSource) obtainTargetDataSource();
		}

		@Override
		public void close() {
			replica.close();
		}
	}

	@Bean
	WriteTransactions writeTransactions() {
		return new WriteTransactions();
	}

	@Bean
	FilterRegistrationBean<ReadYourWritesFilter> readYourWritesFilter() {
		FilterRegistrationBean<ReadYourWritesFilter> registration = new FilterRegistrationBean<>(
				new ReadYourWritesFilter(Clock.systemUTC()));
		// after the session and security filters: the session is there when it starts
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}

	@Bean
	ReplicaHealth replica(DataSource dataSource) {
		return new ReplicaHealth(((ReplicaDataSource) dataSource).routing());
	}
}
