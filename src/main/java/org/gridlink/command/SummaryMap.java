package org.gridlink.command;

import java.awt.Color;
import java.util.List;
import java.util.function.Function;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfTemplate;

/**
 * Draws the place's grids from our own boundaries (GeoJSON of the jurisdiction module, no tiles) into a PDF
 * template, each grid shaded by its open cases at the end of the day, with a legend. Longitude is scaled by the
 * cosine of the middle latitude so the shapes keep their proportions.
 */
final class SummaryMap {

	/** The classes of the shading: 0, 1, 2–3, 4–7, 8 and more (the command map's breaks). */
	static final long[] BREAKS = { 0, 1, 2, 4, 8 };
	static final Color[] COLORS = { new Color(0xf1, 0xf3, 0xf5), new Color(0xfd, 0xe0, 0xc5),
			new Color(0xfa, 0xb0, 0x7a), new Color(0xf0, 0x7a, 0x3c), new Color(0xc0, 0x39, 0x2b) };

	private final BaseFont font;
	private final Function<String, String> t;

	SummaryMap(BaseFont font, Function<String, String> t) {
		this.font = font;
		this.t = t;
	}

	static int classOf(long open) {
		int k = 0;
		for (int i = 0; i < BREAKS.length; i++) {
			if (open >= BREAKS[i]) {
				k = i;
			}
		}
		return k;
	}

	/** Legend labels: "0", "1", "2–3", "4–7", "≥8". */
	static String label(int k) {
		if (k == BREAKS.length - 1) {
			return "≥" + BREAKS[k];
		}
		long lo = BREAKS[k], hi = BREAKS[k + 1] - 1;
		return lo == hi ? String.valueOf(lo) : lo + "–" + hi;
	}

	void draw(PdfTemplate g, SummaryContent.MapData map, float w, float h) {
		float legendH = 28;
		List<SummaryContent.Shape> grids = map.grids();
		if (grids.isEmpty()) {
			text(g, t.apply("command.summary.map.none"), 10, h / 2, 10);
			return;
		}
		double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
		for (SummaryContent.Shape s : grids) {
			for (List<double[]> ring : s.rings()) {
				for (double[] p : ring) {
					minX = Math.min(minX, p[0]);
					maxX = Math.max(maxX, p[0]);
					minY = Math.min(minY, p[1]);
					maxY = Math.max(maxY, p[1]);
				}
			}
		}
		double cos = Math.cos(Math.toRadians((minY + maxY) / 2));
		double spanX = Math.max(1e-9, (maxX - minX) * cos), spanY = Math.max(1e-9, maxY - minY);
		float areaH = h - legendH;
		double scale = Math.min((w - 4) / spanX, (areaH - 4) / spanY);
		double offX = (w - spanX * scale) / 2, offY = legendH + (areaH - spanY * scale) / 2;
		g.setLineWidth(0.3f);
		g.setColorStroke(Color.WHITE);
		for (SummaryContent.Shape s : grids) {
			g.setColorFill(COLORS[classOf(s.open())]);
			for (List<double[]> ring : s.rings()) {
				for (int i = 0; i < ring.size(); i++) {
					float x = (float) (offX + (ring.get(i)[0] - minX) * cos * scale);
					float y = (float) (offY + (ring.get(i)[1] - minY) * scale);
					if (i == 0) {
						g.moveTo(x, y);
					}
					else {
						g.lineTo(x, y);
					}
				}
				g.closePath();
			}
			g.eoFillStroke();
		}
		// legend
		text(g, t.apply("command.figure.casesOpen"), 0, 8, 8);
		float x = 70;
		for (int k = 0; k < BREAKS.length; k++) {
			g.setColorFill(COLORS[k]);
			g.setColorStroke(Color.GRAY);
			g.rectangle(x, 6, 14, 9);
			g.fillStroke();
			text(g, label(k), x + 18, 8, 8);
			x += 60;
		}
	}

	private void text(PdfTemplate g, String s, float x, float y, float size) {
		g.beginText();
		g.setFontAndSize(font, size);
		g.setColorFill(Color.DARK_GRAY);
		g.setTextMatrix(x, y);
		g.showText(s);
		g.endText();
	}
}
