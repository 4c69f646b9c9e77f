package vn.khien.platform.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import vn.khien.platform.documents.FormDocument.Bar;
import vn.khien.platform.documents.FormDocument.Chart;

/**
 * A {@link Chart} as a PNG for the Word document, which has no shapes POI draws simply:
 * the PDF's layout (label, bar, value per line) at twice the size it is shown, in the
 * documents' font so that Vietnamese labels keep their marks.
 */
final class ChartImage {

	/** Pixels per line; the image is shown at half its pixels, in points. */
	static final int LINE = 40;

	static final int WIDTH = 960;

	private final Font font;

	ChartImage(DocumentFonts fonts) {
		try {
			this.font = Font.createFont(Font.TRUETYPE_FONT, fonts.regular()).deriveFont(22f);
		}
		catch (FontFormatException | IOException ex) {
			throw new IllegalStateException("the documents' font cannot be drawn", ex);
		}
	}

	int height(Chart chart) {
		return Math.max(1, chart.bars().size()) * LINE + 8;
	}

	byte[] png(Chart chart) {
		BufferedImage image = new BufferedImage(WIDTH, height(chart), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.setFont(font);
			FontMetrics metrics = g.getFontMetrics();
			int labels = (int) (WIDTH * 0.4);
			int room = WIDTH - labels - 110;
			double scale = chart.scale();
			int top = 4;
			for (Bar bar : chart.bars()) {
				int baseline = top + LINE / 2 + metrics.getAscent() / 2 - 2;
				g.setColor(Color.BLACK);
				g.drawString(cut(bar.label(), metrics, labels - 12), 0, baseline);
				int length = (int) Math.round(room * Math.min(1, bar.value() / scale));
				g.setColor(new Color(115, 115, 115));
				if (length > 0) {
					g.fillRect(labels, top + 8, Math.max(length, 2), LINE - 16);
				}
				g.setColor(Color.BLACK);
				g.drawString(bar.shown(), labels + length + 8, baseline);
				top += LINE;
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The label, cut with an ellipsis to fit its column. */
	private static String cut(String label, FontMetrics metrics, int width) {
		if (metrics.stringWidth(label) <= width) {
			return label;
		}
		String cut = label;
		while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut + "…";
	}

}
