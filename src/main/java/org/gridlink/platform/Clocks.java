package org.gridlink.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} every module asks for the time, in the district's time zone: code takes "now" from it
 * ({@code OffsetDateTime.now(clock)}), never from the system directly, so tests can move time.
 */
@Configuration
class Clocks {

	@Bean
	Clock clock(@Value("${gridlink.time-zone:Asia/Shanghai}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}
}
