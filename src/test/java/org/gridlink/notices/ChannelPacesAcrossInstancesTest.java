package org.gridlink.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gridlink.support.Concurrently;
import org.gridlink.support.OtherInstance;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances share a channel's rate: the time they reserve for their batches never overlaps, so together they
 * send no faster than the provider allows (each instance alone used to pace itself to the full rate).
 */
@WebTest
class ChannelPacesAcrossInstancesTest {

	@Autowired
	ChannelPaces paces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void batchesOfTwoInstancesTakeTurnsAtTheRate() throws Exception {
		ChannelPaces there = OtherInstance.of(environment).getBean(ChannelPaces.class);
		String channel = "T" + (System.nanoTime() % 1_000_000_000L);
		jdbc.sql("INSERT INTO notice_channel_pace (channel, next_micros) VALUES (?, 0)").param(channel).update();
		long now = 1_000_000_000_000L;
		// 10 messages a second, batches of 5: each batch takes half a second of the channel's time
		List<Callable<Long>> batches = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ChannelPaces instance = i % 2 == 0 ? paces : there;
			batches.add(() -> instance.reserve(channel, 10, 5, now));
		}
		@SuppressWarnings("unchecked")
		Callable<Long>[] calls = batches.toArray(new Callable[0]);
		List<Long> starts = new ArrayList<>(Concurrently.run(calls));
		starts.sort(null);
		for (int i = 0; i < starts.size(); i++) {
			assertThat(starts.get(i)).as("batch " + i).isEqualTo(now + i * 500_000L);
		}
		// a batch later than the last reservation starts at once
		assertThat(paces.reserve(channel, 10, 5, now + 60_000_000L)).isEqualTo(now + 60_000_000L);
	}
}
