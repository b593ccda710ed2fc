package org.gridlink.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resyncs every gauge every few minutes ({@code gridlink.command.gauge-every}, default 5 min): passes expire without
 * an event, and a missed event is caught up. Any number of instances may run it (a resync that finds nothing new
 * writes nothing; the measure's lock row serialises them).
 */
@Component
class GaugeSync {

	private static final Logger log = LoggerFactory.getLogger(GaugeSync.class);

	private final Gauges gauges;

	GaugeSync(Gauges gauges) {
		this.gauges = gauges;
	}

	@Scheduled(initialDelayString = "${gridlink.command.gauge-every:PT5M}",
			fixedDelayString = "${gridlink.command.gauge-every:PT5M}")
	void sync() {
		try {
			gauges.all();
		}
		catch (RuntimeException ex) {
			log.warn("Command gauges not resynced: {}", ex.toString());
		}
	}
}
