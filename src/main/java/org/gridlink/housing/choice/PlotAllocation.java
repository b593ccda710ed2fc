package org.gridlink.housing.choice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The pure rules of allocating plots: how a site's plots are numbered, the drawn order of a lot drawing (reproducible
 * from its seed), and handing free plots out in an order, each plot at most once.
 */
public final class PlotAllocation {

	/** A plot: site, building (1..n) and its number on the site ({@code 3-07}: building 3, seventh plot of it). */
	public record Plot(long siteId, int building, String number) {
	}

	/** A site as far as plots go. */
	public record Site(long id, int buildings, int plots) {
	}

	private PlotAllocation() {
	}

	/**
	 * The plots of the sites, in site order: each site's plots spread evenly over its buildings in order, numbered
	 * {@code building-nn}.
	 */
	public static List<Plot> plots(List<Site> sites) {
		List<Plot> all = new ArrayList<>();
		for (Site site : sites) {
			int buildings = Math.max(1, site.buildings());
			int previous = 0;
			int inBuilding = 0;
			for (int i = 0; i < site.plots(); i++) {
				int building = (int) ((long) i * buildings / site.plots()) + 1;
				inBuilding = building == previous ? inBuilding + 1 : 1;
				previous = building;
				all.add(new Plot(site.id(), building, String.format(java.util.Locale.ROOT, "%d-%02d", building, inBuilding)));
			}
		}
		return all;
	}

	/**
	 * The drawn order of a lot drawing: the candidates sorted by id, shuffled with {@link Random} of the seed (the
	 * algorithm of {@code java.util.Random} and {@link Collections#shuffle(List, Random)} is fixed by their
	 * specification, so anyone can draw the same order again from the seed).
	 */
	public static List<Long> lotOrder(Collection<Long> candidates, long seed) {
		List<Long> order = new ArrayList<>(candidates);
		Collections.sort(order);
		Collections.shuffle(order, new Random(seed));
		return order;
	}

	/**
	 * Gives the free plots (all plots less those already given) to the households in order, one each, until either runs
	 * out.
	 */
	public static Map<Long, Plot> assign(List<Long> order, List<Plot> plots, Set<Plot> given) {
		Map<Long, Plot> result = new LinkedHashMap<>();
		int next = 0;
		for (Long household : order) {
			while (next < plots.size() && given.contains(plots.get(next))) {
				next++;
			}
			if (next >= plots.size()) {
				break;
			}
			result.put(household, plots.get(next++));
		}
		return result;
	}
}
