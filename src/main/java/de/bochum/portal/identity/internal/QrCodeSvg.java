package de.bochum.portal.identity.internal;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a QR code as an SVG path, on the server: the authenticator secret never goes to a
 * third-party QR service, and the page needs no script.
 */
final class QrCodeSvg {

	private QrCodeSvg() {
	}

	/** The SVG path data, one unit square per dark module, in a square of {@link #size(String)} units. */
	static String path(String content) {
		BitMatrix matrix = matrix(content);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return path.toString();
	}

	static int size(String content) {
		return matrix(content).getWidth();
	}

	private static BitMatrix matrix(String content) {
		try {
			return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("content does not fit a QR code", e);
		}
	}
}
